"""Photos for QML: decoded off the UI thread, at the size shown, EXIF-rotated, cached by bytes."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QSize, Signal
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageReader, QPainter, QPen
from PySide6.QtQuick import QQuickImageProvider

from kiosk.content.model import Exhibit

CACHE_BYTES = 192 * 1024 * 1024
PLACEHOLDER = QColor("#24384F")


class PhotoEvents(QObject):
    """Signals from the decoding threads, delivered on the UI thread."""

    failed = Signal(str)  # the image path that could not be decoded


class ByteBoundedCache:
    """Least-recently-used images, bounded by their total size in bytes."""

    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self.budget = budget
        self._images: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, int, int]) -> QImage | None:
        with self._lock:
            image = self._images.get(key)
            if image is not None:
                self._images.move_to_end(key)
            return image

    def put(self, key: tuple[str, int, int], image: QImage) -> None:
        with self._lock:
            if key in self._images:
                return
            self._images[key] = image
            self._bytes += image.sizeInBytes()
            while self._bytes > self.budget and len(self._images) > 1:
                _, old = self._images.popitem(last=False)
                self._bytes -= old.sizeInBytes()

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def clear(self) -> None:
        with self._lock:
            self._images.clear()
            self._bytes = 0


def fit(size: QSize, bound: QSize) -> QSize:
    """The largest size with `size`'s aspect inside `bound` (0 means unbounded), never larger."""
    if size.isEmpty():
        return size
    scales = [1.0]
    if bound.width() > 0:
        scales.append(bound.width() / size.width())
    if bound.height() > 0:
        scales.append(bound.height() / size.height())
    scale = min(scales)
    return QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))


def decode(path: Path, bound: QSize) -> QImage:
    """Decode only as many pixels as will be shown (JPEG decodes scaled), in EXIF orientation."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    stored = reader.size()
    rotated = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
    shown = stored.transposed() if rotated else stored
    target = fit(shown, bound)
    if target != shown and target.isValid():
        reader.setScaledSize(target.transposed() if rotated else target)
    return reader.read()


def placeholder(bound: QSize) -> QImage:
    """A calm, neutral picture frame; QML writes the photo's alt text over it."""
    size = fit(QSize(1600, 900), bound if bound.isValid() else QSize(1600, 900))
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(PLACEHOLDER)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = min(size.width(), size.height()) / 12
    painter.setPen(QPen(QColor("#5F7590"), max(2.0, unit / 6)))
    frame = QRectF(size.width() / 2 - unit * 1.5, size.height() / 2 - unit * 2.4, unit * 3,
                   unit * 2.2)
    painter.drawRoundedRect(frame, unit / 4, unit / 4)
    painter.drawLine(frame.bottomLeft(), frame.center())
    painter.drawLine(frame.center(), frame.bottomRight())
    painter.end()
    return image


class PhotoProvider(QQuickImageProvider):
    """`image://photos/<generation>/<event>/<photo>`, asked for from Qt's loader threads."""

    def __init__(self, exhibit: Callable[[], Exhibit], cache: ByteBoundedCache | None = None
                 ) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image,
                         QQuickImageProvider.Flag.ForceAsynchronousImageLoading)
        self._exhibit = exhibit
        self.cache = cache or ByteBoundedCache()
        self.events = PhotoEvents()
        self._busy = 0
        self._busy_lock = threading.Lock()

    @property
    def busy(self) -> int:
        """How many requests are being decoded right now."""
        return self._busy

    def path_of(self, image_id: str) -> Path | None:
        try:
            _, event, photo = (int(part) for part in image_id.split("?")[0].split("/"))
            return self._exhibit().events[event].media[photo].image
        except (ValueError, IndexError):
            return None

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:  # noqa: N802
        with self._busy_lock:
            self._busy += 1
        try:
            image = self.load(image_id, requested)
        finally:
            with self._busy_lock:
                self._busy -= 1
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image

    def load(self, image_id: str, requested: QSize) -> QImage:
        path = self.path_of(image_id)
        if path is None:
            return placeholder(requested)
        key = (str(path), requested.width(), requested.height())
        image = self.cache.get(key)
        if image is None:
            image = decode(path, requested)
            if image.isNull():
                self.events.failed.emit(str(path))
                return placeholder(requested)
            self.cache.put(key, image)
        return image

    def prefetch(self, image_id: str, requested: QSize) -> None:
        """Decode ahead of need (from a worker thread) so the next event shows at once."""
        self.load(image_id, requested)


