"""Assemble the kiosk's window: fonts, the session's view-models and the QML module."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Slot
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QSinglePointEvent,
    QTouchEvent,
    QWindow,
)
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.core.model import Exhibit
from kiosk.services.guard import guarded
from kiosk.services.paths import assets_dir, qml_dir
from kiosk.services.pin import PinGate
from kiosk.ui.fleet.releases import Releases, not_following
from kiosk.ui.shared.qmlmodule import QML_IMPORT_NAME, attach
from kiosk.ui.shared.theme import FONT_ARABIC, FONT_CJK, FONT_LATIN
from kiosk.ui.shell.offline import RefusingFactory, make_offline
from kiosk.ui.shell.session import Session
from kiosk.ui.staff.content_report import ContentReport
from kiosk.ui.staff.staff import STAFF_CHORD, StaffState
from kiosk.ui.statistics.panel import StaffStatistics

# Importing a view-model's module registers its QML type: the staff panel's QML names
# StaffStatistics, which no other module of the window imports
QML_TYPES = (StaffStatistics,)
FONT_FAMILY = FONT_LATIN  # the default: text the visitor's language does not set (staff)


class LoadError(RuntimeError):
    """The QML did not load: a packaging or programming error, never a content one."""


def load_fonts() -> str:
    """Register the shipped fonts and make them every text's default; returns the family."""
    families: set[str] = set()
    for path in sorted((assets_dir() / "fonts").glob("*.?tf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    family = FONT_FAMILY if FONT_FAMILY in families else next(iter(families), "")
    if family:
        font = QFont(family)
        # Chinese, then Arabic, where the Latin face has no glyph
        font.setFamilies([family] + [f for f in (FONT_CJK, FONT_ARABIC) if f in families])
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        QGuiApplication.setFont(font)
    return family


_CHORD = QKeySequence(STAFF_CHORD)[0]  # type: ignore[index]  # the words staff read, as Qt reads keys
STAFF_CHORD_KEYS = (_CHORD.keyboardModifiers(), _CHORD.key())
CORNER_HOLD_MS = 5000
_PRESSES = {QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress, QEvent.Type.TabletPress}
_ENDS = {QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.MouseButtonRelease}
_MOVES = {QEvent.Type.TouchUpdate, QEvent.Type.MouseMove}


class InputGuard(QObject):
    """Sees every input first: tells the idle countdown someone is here, opens the staff PIN pad on
    a 5-second hold of the top-left corner (or Ctrl+Alt+Shift+K), and in kiosk mode
    swallows keys, context menus and close requests."""

    def __init__(self, session: Session, staff: StaffState, kiosk_mode: bool) -> None:
        super().__init__(session)
        self._idle = session.idle
        self._staff = staff
        self.kiosk_mode = kiosk_mode
        self.allow_close = False
        self._answering = False  # a touch that answered "Still there?" and is not over yet
        self._hold = QTimer(self, singleShot=True, interval=CORNER_HOLD_MS)
        self._hold.timeout.connect(staff.requestAccess)

    def _in_corner(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QSinglePointEvent | QTouchEvent) and event.points():
            point = event.points()[0].position()
            window = watched if isinstance(watched, QWindow) else None
            side = 96 * min(window.width(), window.height()) / 1080 if window else 96
            return point.x() <= side and point.y() <= side
        return False

    @guarded("InputGuard.eventFilter", False)
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._answering and (kind in _MOVES or kind in _ENDS):
            # The touch that answered "Still there?" ends with the question: its release
            # must not land on what the card covered (a photo would open).
            self._answering = kind not in _ENDS
            return True
        if kind in _PRESSES or kind == QEvent.Type.Wheel:
            answering = self._idle.asking()
            self._idle.touch()
            if kind in _PRESSES and self._in_corner(watched, event):
                self._hold.start()
            if answering:
                self._answering = kind in _PRESSES
                return True
        elif kind in _ENDS or (kind in _MOVES and not self._in_corner(watched, event)):
            self._hold.stop()
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if (event.modifiers() & STAFF_CHORD_KEYS[0]) == STAFF_CHORD_KEYS[0] \
                    and event.key() == STAFF_CHORD_KEYS[1]:
                self._staff.keyChord()
                return True
            return self.kiosk_mode
        elif kind in (QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            return self.kiosk_mode
        elif kind == QEvent.Type.ContextMenu:
            return True
        elif kind == QEvent.Type.Close and self.kiosk_mode and not self.allow_close:
            event.ignore()
            return True
        return False


def quiet_staff(exhibit: Exhibit, report: ContentReport | None = None) -> StaffState:
    """A staff state with no PIN and no actions, for snapshots and tests."""
    report = report or ContentReport(exhibit.folder, editor_view=False)
    return StaffState(PinGate(""), lambda: None, lambda: None, report, None, None)


def scene_items(window: QQuickWindow) -> list[QQuickItem]:
    """Every item of the window's visual tree. Repeater delegates are not QObject children
    of the items they sit in, so findChild() misses them; this walk does not."""
    found: list[QQuickItem] = []
    stack = [window.contentItem()]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(node.childItems())
    return found


def find_item(window: QQuickWindow, name: str) -> QQuickItem:
    for node in scene_items(window):
        if node.objectName() == name:
            return node
    raise LookupError(f"no QML item named {name!r}")


class EventScreenLater(QObject):
    """Has the window build its event screen once the first frame is on screen (Main.qml):
    a welcome screen that waits for nothing it does not show comes up sooner."""

    def __init__(self, window: QQuickWindow) -> None:
        super().__init__(window)
        self._window = window
        self._done = False
        # queued: with a threaded renderer the signal comes from the render thread
        window.frameSwapped.connect(self._swapped, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _swapped(self) -> None:
        if self._done:  # a second frame's call, queued before the first one ran
            return
        self._done = True
        self._window.frameSwapped.disconnect(self._swapped)
        # after what else that frame set off (`--exit-after-first-frame` exits first)
        QTimer.singleShot(0, self, lambda: self._window.setProperty("eventScreenWanted", True))


@dataclass
class KioskView:
    engine: QQmlApplicationEngine
    window: QQuickWindow
    session: Session
    staff: StaffState
    guard: InputGuard
    offline: RefusingFactory  # makes the engine's network managers (kiosk.ui.shell.offline)


def create_view(exhibit: Exhibit, size: tuple[int, int] = (1920, 1080),
                session: Session | None = None, staff: StaffState | None = None,
                kiosk_mode: bool = False, releases: Releases | None = None) -> KioskView:
    """Build the window (not yet shown) for an exhibit."""
    session = session or Session(exhibit)
    staff = staff or quiet_staff(exhibit)
    releases = releases or not_following()
    report = staff.report  # one list of problems for the editor panel and the PIN pad
    engine = QQmlApplicationEngine()
    offline = make_offline(engine)  # before anything loads: no request ever leaves
    session.setParent(engine)  # QML must never outlive the view-models it binds to
    staff.setParent(engine)
    report.setParent(engine)
    releases.setParent(engine)
    attach(engine, {**session.parts(), "staff": staff, "report": report,
                    "releases": releases})
    engine.setInitialProperties({"width": size[0], "height": size[1]})
    engine.addImportPath(str(qml_dir()))
    engine.loadFromModule(QML_IMPORT_NAME, "Main")
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise LoadError("the kiosk's QML did not load; see the log for the QML errors")
    window = roots[0]
    guard = InputGuard(session, staff, kiosk_mode)
    window.installEventFilter(guard)
    EventScreenLater(window)
    window.resize(QSize(*size))
    return KioskView(engine, window, session, staff, guard, offline)
