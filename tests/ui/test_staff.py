"""Staff access: hidden gesture, PIN pad, panel, exit; and what visitors cannot do."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QPointingDevice
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.content.model import Exhibit
from kiosk.services.pin import MAX_DIGITS, PinGate, hash_pin
from kiosk.ui.navigation import Navigation
from kiosk.ui.staff import StaffState
from kiosk.ui.view import KioskView, create_view
from tests.ui.conftest import MakeView, centre, item, settle, tap

PIN = "2468"


def staff_view(bundled: Exhibit, exits: list[str], reloads: list[str]) -> KioskView:
    def reload() -> list[str]:
        reloads.append("reload")
        return ["exhibit.yaml:3:1: error: something"]

    staff = StaffState(PinGate(hash_pin(PIN, iterations=1000)), reload,
                       lambda: exits.append("exit"), bundled.folder, None, None)
    view = create_view(bundled, (1920, 1080), staff=staff, kiosk_mode=True)
    view.window.show()
    QTest.qWaitForWindowExposed(view.window)
    return view


def enter(view: KioskView, device: QPointingDevice, digits: str) -> None:
    for digit in [*digits, "OK"]:
        tap(view.window, device, centre(item(view, f"pin-{digit}")))


def test_corner_hold_pin_and_exit(qapp: QGuiApplication, bundled: Exhibit,
                                  touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    exits: list[str] = []
    reloads: list[str] = []
    view = staff_view(bundled, exits, reloads)
    window = view.window
    corner = QPoint(20, 20)
    QTest.touchEvent(window, touchscreen).press(0, corner, window).commit()
    qtbot.waitUntil(lambda: view.staff.pinPadOpen, timeout=7000)
    QTest.touchEvent(window, touchscreen).release(0, corner, window).commit()
    settle()
    assert item(view, "pinPad").isVisible()
    enter(view, touchscreen, "1111")
    assert view.staff.message == "Wrong PIN."
    assert not view.staff.panelOpen
    enter(view, touchscreen, PIN)
    assert view.staff.panelOpen
    tap(window, touchscreen, centre(item(view, "staffReload")))
    assert reloads == ["reload"]
    assert view.staff.problems == ["exhibit.yaml:3:1: error: something"]
    assert "memory:" in item(view, "diagnostics").property("text")
    tap(window, touchscreen, centre(item(view, "staffExit")))
    assert exits == ["exit"]
    window.close()


def test_short_corner_touch_opens_nothing(qapp: QGuiApplication, bundled: Exhibit,
                                          touchscreen: QPointingDevice) -> None:
    view = staff_view(bundled, [], [])
    window = view.window
    QTest.touchEvent(window, touchscreen).press(0, QPoint(20, 20), window).commit()
    QTest.qWait(1500)
    QTest.touchEvent(window, touchscreen).release(0, QPoint(20, 20), window).commit()
    QTest.qWait(4000)
    assert not view.staff.pinPadOpen
    window.close()


def test_wrong_pins_are_rate_limited() -> None:
    now = [0.0]
    gate = PinGate(hash_pin(PIN, iterations=1000), clock=lambda: now[0])
    assert not gate.attempt("0000") and not gate.attempt("0001")
    assert not gate.attempt("0002")  # third wrong: locked
    assert gate.wait_seconds() == 30
    assert not gate.attempt(PIN)  # even the right PIN waits
    now[0] = 31
    assert gate.attempt(PIN)
    assert gate.wait_seconds() == 0


def test_visitors_cannot_close_or_type(qapp: QGuiApplication, bundled: Exhibit) -> None:
    view = staff_view(bundled, [], [])
    window = view.window
    close = QCloseEvent()
    QGuiApplication.sendEvent(window, close)
    assert not close.isAccepted()
    assert window.isVisible()
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert view.guard.eventFilter(window, key)  # swallowed
    chord = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_K,
                      Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.ShiftModifier)
    view.guard.eventFilter(window, chord)
    assert view.staff.pinPadOpen
    view.guard.allow_close = True
    window.close()


def test_windowed_mode_closes_normally(make_view: MakeView, bundled: Exhibit) -> None:
    view = make_view(bundled)
    close = QCloseEvent()
    QGuiApplication.sendEvent(view.window, close)
    assert close.isAccepted()


def test_content_errors_at_start_are_announced_to_staff(qapp: QGuiApplication,
                                                       bundled: Exhibit) -> None:
    staff = StaffState(PinGate(hash_pin(PIN, iterations=1000)), lambda: [], lambda: None,
                       bundled.folder, None, None)
    staff.show_problems(["exhibit.yaml:2:8: error: malformed YAML: x", "a.jpg: warning: w"])
    staff.requestAccess()
    assert staff.pinPadOpen
    assert staff.message.startswith("The content has 1 error;")
    staff.enterPin(PIN)
    assert staff.problems[0].startswith("exhibit.yaml:2:8: error:")


def test_the_pin_buffer_lives_in_python(qapp: QGuiApplication, bundled: Exhibit) -> None:
    staff = StaffState(PinGate(hash_pin(PIN, iterations=1000)), lambda: [], lambda: None,
                       bundled.folder, None, None)
    staff.requestAccess()
    assert staff.pinDots == " "
    for _ in range(MAX_DIGITS + 3):
        staff.typeDigit("7")
    assert staff.pinDots == " ".join("●" * MAX_DIGITS)  # the limit is pin.MAX_DIGITS
    staff.typeDigit("x")
    staff.deleteDigit()
    assert staff.pinDots.count("●") == MAX_DIGITS - 1
    staff.close()
    staff.requestAccess()
    assert staff.pinDots == " "  # a new visit to the pad starts empty
    for digit in PIN:
        staff.typeDigit(digit)
    staff.submitPin()
    assert staff.panelOpen and staff.pinDots == " "


def test_the_staff_layer_takes_every_touch(qapp: QGuiApplication, bundled: Exhibit,
                                           touchscreen: QPointingDevice) -> None:
    view = staff_view(bundled, [], [])
    window = view.window
    assert view.session.navigation.screen == Navigation.Screen.Welcome
    view.staff.requestAccess()
    settle()
    for point in (QPoint(300, 900), QPoint(1600, 200), QPoint(960, 1040)):  # beside the pad
        tap(window, touchscreen, point)
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         point)
        settle()
    assert view.session.navigation.screen == Navigation.Screen.Welcome  # the welcome screen underneath saw no tap
    assert view.staff.pinPadOpen
    window.close()

