"""How things look for this visitor: larger text, high contrast, less motion, and the
colours that follow from them (kiosk.ui.shared.theme holds the palettes and their contrast
rules)."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable, QQmlEngine

from kiosk.services.guard import guarded
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for
from kiosk.ui.shared.theme import palette

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Colors", "Display"]


@QmlElement
@QmlUncreatable("the colours come from Display.colors")
class Colors(QObject):  # type: ignore[operator]  # (QmlUncreatable takes a reason)
    """Every colour QML uses, one property per token of kiosk.ui.shared.theme."""

    paletteChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._colors = {name: QColor(value) for name, value in palette(False).items()}

    def use(self, high_contrast: bool) -> None:
        self._colors = {name: QColor(value) for name, value in palette(high_contrast).items()}
        self.paletteChanged.emit()

    def _color(self, token: str) -> QColor:
        return self._colors[token]

    @Property(QColor, notify=paletteChanged)
    def bg(self) -> QColor:
        return self._color("bg")

    @Property(QColor, notify=paletteChanged)
    def surface(self) -> QColor:
        return self._color("surface")

    @Property(QColor, notify=paletteChanged)
    def text(self) -> QColor:
        return self._color("text")

    @Property(QColor, notify=paletteChanged)
    def muted(self) -> QColor:
        return self._color("muted")

    @Property(QColor, notify=paletteChanged)
    def accent(self) -> QColor:
        return self._color("accent")

    @Property(QColor, notify=paletteChanged)
    def onAccent(self) -> QColor:
        return self._color("onAccent")

    @Property(QColor, notify=paletteChanged)
    def scrim(self) -> QColor:
        return self._color("scrim")

    @Property(QColor, notify=paletteChanged)
    def track(self) -> QColor:
        return self._color("track")

    @Property(QColor, notify=paletteChanged)
    def onBand(self) -> QColor:
        return self._color("onBand")

    @Property(QColor, notify=paletteChanged)
    def clear(self) -> QColor:
        return self._color("clear")

    @Property(QColor, notify=paletteChanged)
    def dim(self) -> QColor:
        return self._color("dim")

    @Property(QColor, notify=paletteChanged)
    def idleScrim(self) -> QColor:
        return self._color("idleScrim")

    @Property(QColor, notify=paletteChanged)
    def staffScrim(self) -> QColor:
        return self._color("staffScrim")

    @Property(QColor, notify=paletteChanged)
    def photoBackdrop(self) -> QColor:
        return self._color("photoBackdrop")

    @Property(QColor, notify=paletteChanged)
    def captionBar(self) -> QColor:
        return self._color("captionBar")

    @Property(QColor, notify=paletteChanged)
    def subtitleBox(self) -> QColor:
        return self._color("subtitleBox")

    @Property(QColor, notify=paletteChanged)
    def subtitleText(self) -> QColor:
        return self._color("subtitleText")

    @Property(QColor, notify=paletteChanged)
    def captionText(self) -> QColor:
        return self._color("captionText")

    @Property(QColor, notify=paletteChanged)
    def captionMuted(self) -> QColor:
        return self._color("captionMuted")

    @Property(QColor, notify=paletteChanged)
    def shadeTop(self) -> QColor:
        return self._color("shadeTop")

    @Property(QColor, notify=paletteChanged)
    def shadeMiddle(self) -> QColor:
        return self._color("shadeMiddle")

    @Property(QColor, notify=paletteChanged)
    def shadeBottom(self) -> QColor:
        return self._color("shadeBottom")


@QmlElement
@QmlSingleton
class Display(QObject):
    largeTextChanged = Signal()
    highContrastChanged = Signal()
    reducedMotionChanged = Signal()
    captionsChanged = Signal()

    def __init__(self, reduced_motion: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._large_text = False
        self._high_contrast = False
        self._default_reduced_motion = reduced_motion
        self._reduced_motion = reduced_motion
        self._captions = True  # on by default: a visitor who cannot hear needs no menu
        self._palette = Colors(self)

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "display")

    @Property(bool, notify=largeTextChanged)
    def largeText(self) -> bool:
        return self._large_text

    @Property(bool, notify=highContrastChanged)
    def highContrast(self) -> bool:
        return self._high_contrast

    @Property(bool, notify=reducedMotionChanged)
    def reducedMotion(self) -> bool:
        return self._reduced_motion

    @Property(bool, notify=captionsChanged)
    def captions(self) -> bool:
        """Captions over videos and sound recordings (issue 19)."""
        return self._captions

    @Slot()
    @guarded("Display.toggleCaptions", None)
    def toggleCaptions(self) -> None:
        self._captions = not self._captions
        self.captionsChanged.emit()

    @Property(Colors, notify=highContrastChanged)
    def colors(self) -> Colors:
        return self._palette

    @Slot()
    @guarded("Display.toggleLargeText", None)
    def toggleLargeText(self) -> None:
        self._large_text = not self._large_text
        self.largeTextChanged.emit()

    @Slot()
    @guarded("Display.toggleHighContrast", None)
    def toggleHighContrast(self) -> None:
        self._set_high_contrast(not self._high_contrast)

    @Slot()
    @guarded("Display.toggleReducedMotion", None)
    def toggleReducedMotion(self) -> None:
        self._reduced_motion = not self._reduced_motion
        self.reducedMotionChanged.emit()

    def _set_high_contrast(self, on: bool) -> None:
        if on != self._high_contrast:
            self._high_contrast = on
            self._palette.use(on)
            self.highContrastChanged.emit()

    def reset(self) -> None:
        """The options a new visitor starts with."""
        if self._large_text:
            self._large_text = False
            self.largeTextChanged.emit()
        self._set_high_contrast(False)
        if self._reduced_motion != self._default_reduced_motion:
            self._reduced_motion = self._default_reduced_motion
            self.reducedMotionChanged.emit()
        if not self._captions:
            self._captions = True
            self.captionsChanged.emit()
