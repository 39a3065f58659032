"""Offline, always: the QML engine's network access refuses every request.

Texts reach Qt as plain text, so no content can ask for anything; this is the second wall,
for a mistake in a view or a Qt feature nobody thought of (an Image, a rich text's <img>, an
XMLHttpRequest, a font from a URL). Every network manager the engine makes comes from
`RefusingFactory` and answers every request with an error at once, without a name lookup
or a socket (the manager's own network code is never reached). Nothing else in the kiosk
makes a network manager (a test says so).
"""

from __future__ import annotations

import logging
import threading
from typing import ClassVar

from PySide6.QtCore import QIODevice, QObject, QTimer
from PySide6.QtNetwork import (
    QNetworkAccessManager,
    QNetworkProxy,
    QNetworkReply,
    QNetworkRequest,
)
from PySide6.QtQml import QQmlEngine, QQmlNetworkAccessManagerFactory

log = logging.getLogger(__name__)

_MAX_LOGGED = 20  # one log line per refused address, for the first few


class RefusedReply(QNetworkReply):
    """The answer to every request: an error, given at once, with no byte read or sent."""

    def __init__(self, op: QNetworkAccessManager.Operation, request: QNetworkRequest,
                 parent: QObject) -> None:
        super().__init__(parent)
        self.setRequest(request)
        self.setUrl(request.url())
        self.setOperation(op)
        self.setError(QNetworkReply.NetworkError.ContentAccessDenied,
                      "the kiosk works offline: no request leaves it")
        self.open(QIODevice.OpenModeFlag.ReadOnly)
        self.setFinished(True)
        QTimer.singleShot(0, self._tell)  # after the caller has connected to the signals

    def _tell(self) -> None:
        self.errorOccurred.emit(self.error())
        self.finished.emit()

    def abort(self) -> None:
        """Nothing is under way."""

    def bytesAvailable(self) -> int:
        return 0

    def isSequential(self) -> bool:
        return True

    def readData(self, maxlen: int) -> bytes:
        return b""


class RefusingManager(QNetworkAccessManager):
    """Answers every request with an error reply; opens no connection, ever."""

    _logged: ClassVar[set[str]] = set()  # for the whole process: a log line per address
    _lock: ClassVar[threading.Lock] = threading.Lock()  # managers live on loader threads too
    refused: ClassVar[int] = 0  # requests refused in this process (tests wait on it)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setProxy(QNetworkProxy(QNetworkProxy.ProxyType.NoProxy))  # no proxy lookup
        self.setRedirectPolicy(QNetworkRequest.RedirectPolicy.ManualRedirectPolicy)

    def createRequest(self, op: QNetworkAccessManager.Operation, request: QNetworkRequest,
                      outgoingData: object = None) -> QNetworkReply:
        address = request.url().toDisplayString()
        with self._lock:
            RefusingManager.refused += 1
            new = address not in self._logged and len(self._logged) < _MAX_LOGGED
            if new:
                self._logged.add(address)
        if new:
            log.warning("refused a network request for %s: the kiosk works offline", address)
        return RefusedReply(op, request, self)


class RefusingFactory(QQmlNetworkAccessManagerFactory):
    """What the QML engine asks for a network manager (from its loader threads too)."""

    def create(self, parent: QObject) -> QNetworkAccessManager:
        return RefusingManager(parent)


_FACTORY = RefusingFactory()  # one for every engine, for the whole process: Qt does not own
# a factory, and an engine deleted later (deleteLater) or a loader thread still at work must
# never reach one Python has freed


def make_offline(engine: QQmlEngine) -> RefusingFactory:
    """Give the engine managers that refuse every request."""
    engine.setNetworkAccessManagerFactory(_FACTORY)
    return _FACTORY
