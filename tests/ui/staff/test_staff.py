"""Staff access: hidden gesture, PIN pad, panel, exit; and what visitors cannot do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QMetaMethod, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeyEvent, QPointingDevice
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.content.problems import Problem
from kiosk.core.model import Exhibit
from kiosk.services.pin import MAX_DIGITS, PinGate, hash_pin
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.shell import view as view_module
from kiosk.ui.shell.view import KioskView, create_view, load_fonts
from kiosk.ui.staff.content_report import ContentReport, breakable
from kiosk.ui.staff.staff import StaffState
from tests.ui.conftest import (
    MakeView,
    all_items,
    centre,
    is_shown,
    item,
    layout_lines,
    settle,
    tap,
    wrapped_lines,
)

PIN = "2468"


def staff_view(bundled: Exhibit, exits: list[str], reloads: list[str],
               pin: str = PIN, size: tuple[int, int] = (1920, 1080)) -> KioskView:
    report = ContentReport(bundled.folder, editor_view=False)

    def reload() -> None:
        reloads.append("reload")
        report.update([Problem("exhibit.yaml", 3, 1, "error", "something")])

    staff = StaffState(PinGate(hash_pin(pin, iterations=1000) if pin else ""), reload,
                       lambda: exits.append("exit"), report, None, None)
    view = create_view(bundled, size, staff=staff, kiosk_mode=True)
    view.window.show()
    QTest.qWaitForWindowExposed(view.window)
    return view


def enter(view: KioskView, device: QPointingDevice, digits: str) -> None:
    for digit in [*digits, "OK"]:
        tap(view.window, device, centre(item(view, f"pin-{digit}")))


def test_corner_hold_pin_and_exit(qapp: QGuiApplication, bundled: Exhibit,
                                  touchscreen: QPointingDevice, qtbot: QtBot,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view_module, "CORNER_HOLD_MS", 400)  # the 5 s hold, shortened
    exits: list[str] = []
    reloads: list[str] = []
    view = staff_view(bundled, exits, reloads)
    window = view.window
    corner = QPoint(20, 20)
    QTest.touchEvent(window, touchscreen).press(0, corner, window).commit()
    qtbot.waitUntil(lambda: view.staff.pin.open, timeout=3000)
    QTest.touchEvent(window, touchscreen).release(0, corner, window).commit()
    settle()
    assert item(view, "pinPad").isVisible()
    enter(view, touchscreen, "1111")
    assert view.staff.pin.message == "Wrong PIN."
    assert not view.staff.panel.open
    enter(view, touchscreen, PIN)
    assert view.staff.panel.open
    tap(window, touchscreen, centre(item(view, "staffReload")))
    assert reloads == ["reload"]
    assert [str(p) for p in view.staff.report.problems] == ["exhibit.yaml:3:1: error: something"]
    assert "memory:" in item(view, "diagnostics").property("text")
    tap(window, touchscreen, centre(item(view, "staffExit")))
    assert exits == []  # it asks first
    assert item(view, "exitConfirm").isVisible()
    tap(window, touchscreen, centre(item(view, "exitKeep")))
    assert exits == [] and not view.staff.exit.confirming and view.staff.panel.open
    tap(window, touchscreen, centre(item(view, "staffExit")))
    tap(window, touchscreen, centre(item(view, "exitConfirmButton")))
    assert exits == ["exit"]
    window.close()


def test_short_corner_touch_opens_nothing(qapp: QGuiApplication, bundled: Exhibit,
                                          touchscreen: QPointingDevice) -> None:
    """A touch shorter than the hold opens nothing, then or later: the hold's countdown
    starts with the touch and stops with it (no 5 s wait to see nothing happen)."""
    view = staff_view(bundled, [], [])
    window = view.window

    def counting() -> bool:
        return any(timer.isActive() for timer in view.guard.findChildren(QTimer))

    assert not counting()
    QTest.touchEvent(window, touchscreen).press(0, QPoint(20, 20), window).commit()
    settle()
    assert counting()  # the hold has begun
    QTest.touchEvent(window, touchscreen).release(0, QPoint(20, 20), window).commit()
    settle()
    assert not counting()  # and ended: nothing will open later
    assert not view.staff.pin.open
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
    assert view.staff.pin.open
    assert not view.staff.exit.allowed  # a PIN is set: the chord only opens the pad
    view.guard.allow_close = True
    window.close()


def test_windowed_mode_closes_normally(make_view: MakeView, bundled: Exhibit) -> None:
    view = make_view(bundled)
    close = QCloseEvent()
    QGuiApplication.sendEvent(view.window, close)
    assert close.isAccepted()


def test_content_problems_are_on_the_pad_before_the_pin(
        qapp: QGuiApplication, bundled: Exhibit, touchscreen: QPointingDevice) -> None:
    view = staff_view(bundled, [], [])
    view.staff.report.update([Problem("exhibit.yaml", 2, 8, "error", "the quote \" that "
                                      "starts this text is never closed; end the text with \""),
                              Problem("media/a.jpg", 0, 0, "warning", "w")],
                             kept="the bundled exhibit")
    view.staff.requestAccess()
    settle()
    assert not view.staff.panel.open
    assert item(view, "padProblems").isVisible()
    shown = sorted((t for t in all_items(view)
                    if t.objectName() == "problemWhere" and is_shown(t)),
                   key=lambda t: t.mapToScene(QPointF(0, 0)).y())
    assert [t.property("text") for t in shown] == ["exhibit.yaml:2:8", "media/a.jpg"]
    assert item(view, "padHeadline").property("text") == (
        "The content has 1 error and 1 warning: the kiosk shows the bundled exhibit.")
    # without the invisible marks: no break between words, a break allowed after '\' (Windows)
    # as read: no-break spaces, and the invisible marks that keep or allow a break
    # (a word joiner after a '-' in the path, a zero-width space after a separator)
    seen = item(view, "padCommand").property("text").replace("\u00a0", " ")
    seen = seen.replace("\u200b", "").replace("\u2060", "")
    assert seen == f"To list them in a terminal:  kiosk validate {bundled.folder}"
    view.window.close()


def test_lockout_counts_down_live(qapp: QGuiApplication, bundled: Exhibit,
                                  qtbot: QtBot) -> None:
    view = staff_view(bundled, [], [])
    staff = view.staff
    staff.requestAccess()
    for wrong in ("0000", "0001", "0002"):
        staff.enterPin(wrong)
    first = staff.pin.message
    assert first == "Too many wrong PINs. Try again in 30\u00a0s."
    assert not staff.pin.entryEnabled
    assert not item(view, "pin-1").isEnabled()
    qtbot.waitUntil(lambda: staff.pin.message == "Too many wrong PINs. Try again in 29\u00a0s.",
                    timeout=2500)
    assert item(view, "staffMessage").property("text") == staff.pin.message  # on screen too
    view.window.close()


def test_without_a_pin_the_pad_says_how_to_set_one_and_the_chord_can_exit(
        qapp: QGuiApplication, bundled: Exhibit, touchscreen: QPointingDevice) -> None:
    exits: list[str] = []
    view = staff_view(bundled, exits, [], pin="")
    staff = view.staff
    staff.requestAccess()  # the corner: a touch, maybe a visitor
    settle()
    assert not staff.exit.allowed and not item(view, "padExit").isVisible()
    assert not item(view, "pinKeys").isVisible()
    said = staff.pin.message.replace("\u2060", "").replace("\u00a0", " ")
    assert "No staff PIN is set. To set one, run  kiosk set-pin  on this computer" in said
    assert "press Ctrl+Alt+Shift+K on a keyboard" in said
    chord = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_K,
                      Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.ShiftModifier)
    view.guard.eventFilter(view.window, chord)  # a keyboard: staff, not a visitor
    settle()
    assert staff.exit.allowed
    tap(view.window, touchscreen, centre(item(view, "padExit")))
    assert exits == [] and item(view, "exitConfirm").isVisible()
    tap(view.window, touchscreen, centre(item(view, "exitConfirmButton")))
    assert exits == ["exit"]
    view.guard.allow_close = True
    view.window.close()


def test_exit_cannot_be_confirmed_without_being_allowed(qapp: QGuiApplication,
                                                      bundled: Exhibit) -> None:
    exits: list[str] = []
    view = staff_view(bundled, exits, [])
    view.staff.requestAccess()
    view.staff.exitKiosk()
    view.staff.confirmExit()
    assert exits == [] and not view.staff.exit.confirming
    view.window.close()


def test_hyphens_never_end_a_line(qapp: QGuiApplication) -> None:
    """Qt may break a line after any hyphen (`kiosk set-` / `pin`); breakable() forbids it
    at every width where each unbroken run fits (a run wider than the line can only break
    inside itself), while a path still breaks after its slashes."""
    text = ("No staff PIN is set. To set one, run kiosk set-pin on this computer (it writes "
            "/home/kiosk/.config/kiosk/kiosk.toml); events/16-new-partnership.yaml:3:14")
    font = QFont(load_fonts())
    font.setPixelSize(22)

    def ends(shown: str) -> set[str]:
        return {line[-1] for width in range(340, 700, 2)
                for line in layout_lines(shown, font, width)[:-1]}

    assert "-" in ends(text)  # what Qt does on its own
    assert ends(breakable(text)) <= {" ", "/"}


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_long_lines_wrap_at_words_and_paths(qapp: QGuiApplication, bundled: Exhibit,
                                           size: tuple[int, int]) -> None:
    """Every line of the pad and the panel breaks at a space or after a path separator:
    never inside `set-pin`, never inside a word."""
    view = staff_view(bundled, [], [], pin="", size=size)
    view.staff.report.update([Problem("events/16-new-partnership.yaml", 3, 14, "error",
                                      "a colon followed by a space inside a text starts a new "
                                      "key; put the whole text in quotes: title: \"Reform: "
                                      "the first-ever steps\"")])
    view.staff.requestAccess()
    settle()
    texts = [t for t in all_items(view) if t.metaObject().className().startswith("QQuickText")
             and is_shown(t) and t.property("text")]
    assert texts
    broken = [(text.property("text"), line) for text in texts
              for line in wrapped_lines(text)[:-1] if not line.endswith((" ", "/", "\u200b"))]
    assert broken == []
    view.window.close()


def test_the_pin_buffer_lives_in_python(qapp: QGuiApplication, bundled: Exhibit) -> None:
    staff = StaffState(PinGate(hash_pin(PIN, iterations=1000)), lambda: [], lambda: None,
                       ContentReport(bundled.folder, editor_view=False), None, None)
    staff.requestAccess()
    assert staff.pin.dots == " "
    for _ in range(MAX_DIGITS + 3):
        staff.typeDigit("7")
    assert staff.pin.dots == " ".join("●" * MAX_DIGITS)  # the limit is pin.MAX_DIGITS
    staff.typeDigit("x")
    staff.deleteDigit()
    assert staff.pin.dots.count("●") == MAX_DIGITS - 1
    staff.close()
    staff.requestAccess()
    assert staff.pin.dots == " "  # a new visit to the pad starts empty
    for digit in PIN:
        staff.typeDigit(digit)
    staff.submitPin()
    assert staff.panel.open and staff.pin.dots == " "


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
    assert view.staff.pin.open
    window.close()



def parts(staff: StaffState) -> list[QObject]:
    return [staff.pin, staff.panel, staff.exit]


def test_each_staff_property_has_its_own_signal_or_is_constant(qapp: QGuiApplication,
                                                               bundled: Exhibit) -> None:
    """QML re-reads a property only when its own signal says it changed."""
    staff = StaffState(PinGate(""), lambda: None, lambda: None,
                       ContentReport(bundled.folder, editor_view=False), None, None)
    for part in parts(staff):
        meta = part.metaObject()
        signals = []
        for index in range(meta.propertyOffset(), meta.propertyCount()):
            prop = meta.property(index)
            assert prop.isConstant() or prop.hasNotifySignal(), prop.name()
            if prop.hasNotifySignal():
                signals.append(bytes(prop.notifySignal().methodSignature().data()))
        assert len(signals) == len(set(signals)), meta.className()
    constant = {p.name() for p in (staff.pin.metaObject().property(i) for i in range(
        staff.pin.metaObject().propertyCount())) if p.isConstant()}
    assert "configured" in constant


def test_a_digit_signals_the_dots_only(qapp: QGuiApplication, bundled: Exhibit) -> None:
    staff = StaffState(PinGate(hash_pin(PIN, iterations=1000)), lambda: None, lambda: None,
                       ContentReport(bundled.folder, editor_view=False), None, None)
    staff.requestAccess()
    heard: list[str] = []
    for part in parts(staff):
        meta = part.metaObject()
        for index in range(meta.methodOffset(), meta.methodCount()):
            method = meta.method(index)
            if method.methodType() == QMetaMethod.MethodType.Signal:
                name = bytes(method.name().data()).decode()
                getattr(part, name).connect(lambda n=name: heard.append(n))
    staff.typeDigit("2")
    assert heard == ["dotsChanged"]
    assert staff.pin.dots == "●"


def test_memory_and_log_are_read_when_the_panel_opens_not_when_shown(
        qapp: QGuiApplication, bundled: Exhibit, monkeypatch: pytest.MonkeyPatch) -> None:
    """psutil and the log are read once per opening, not by every redraw of the panel."""
    calls: list[int] = []
    monkeypatch.setattr("kiosk.ui.staff.staff.process_mb", lambda pid: calls.append(pid) or 123.0)
    view = staff_view(bundled, [], [])
    staff = view.staff
    staff.requestAccess()
    staff.enterPin(PIN)
    assert calls and len(calls) == 1
    for _ in range(5):
        assert "memory: 123 MB" in staff.panel.diagnostics
    assert "memory: 123 MB" in item(view, "diagnostics").property("text")
    staff.reload()  # the panel changes (its message), the figures are not read again
    assert len(calls) == 1
    staff.close()
    staff.requestAccess()
    staff.enterPin(PIN)
    assert len(calls) == 2
    view.window.close()
