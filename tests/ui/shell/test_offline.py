"""Offline, always: no text of the content is markup, and the QML engine cannot reach the
network even when asked (an Image, a rich text's picture), measured with a local server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlComponent, QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem

from kiosk.content import load_folder
from kiosk.ui.shared.qmlmodule import qml_files
from kiosk.ui.shared.typesetter import Typeset
from kiosk.ui.shell.offline import RefusingManager
from kiosk.ui.shell.view import KioskView
from tests.conftest import MakeFolder
from tests.netserver import CountingServer
from tests.ui.conftest import MakeView, all_items

PLAIN, RICH = 0, 1  # Text.PlainText, Text.RichText
# What asks the network in QML: a picture, a rich text's <img>, and an XMLHttpRequest.
ASKING = """
import QtQuick
Item {{
    Image {{ source: "{url}/image.png" }}
    Text {{ textFormat: Text.RichText; text: '<img src="{url}/rich.png"> <a href="{url}/a">a</a>' }}
    Component.onCompleted: {{ var r = new XMLHttpRequest(); r.open("GET", "{url}/xhr"); r.send() }}
}}
"""


def text_format(text: QQuickItem) -> int:
    value, _ = QQmlExpression(QQmlEngine.contextForObject(text), text, "textFormat").evaluate()
    return int(value)


def ask_the_network(engine: QQmlEngine, server: CountingServer
                    ) -> tuple[QQmlComponent, QQuickItem]:
    component = QQmlComponent(engine)
    component.setData(QByteArray(ASKING.format(url=server.url("")[:-1]).encode()),
                      QUrl("file:asking.qml"))
    made = component.create()
    assert isinstance(made, QQuickItem), component.errorString()
    return component, made  # kept by the test until it ends


# Qt tells the failed picture, which is what the test asks for
@pytest.mark.qt_log_ignore(r".*(works offline|Unknown error).*")
def test_a_picture_from_a_web_server_is_never_requested(make_view: MakeView, bundled: object,
                                                        qtbot: object) -> None:
    view: KioskView = make_view(bundled)
    before = RefusingManager.refused
    with CountingServer(lifetime=60) as server:
        asking = ask_the_network(view.engine, server)
        # each of the three was asked for, and refused inside the kiosk
        qtbot.waitUntil(lambda: RefusingManager.refused - before >= 3, timeout=10_000)  # type: ignore[attr-defined]
        server.probe()  # the server does count what reaches it
        assert server.requests == ["/probe"] and server.connections == 1
    del asking


@pytest.mark.qt_log_ignore(r".*(Error transferring|Internal problem).*")
def test_a_bare_qml_engine_would_have_fetched_it(qapp: QGuiApplication, qtbot: object) -> None:
    """The control: without the kiosk's factory, the same QML reaches the server, so the
    test above could fail."""
    engine = QQmlEngine()
    with CountingServer(lifetime=60) as server:
        asking = ask_the_network(engine, server)
        asked = {"/image.png", "/rich.png", "/xhr"}
        qtbot.waitUntil(lambda: asked <= set(server.requests), timeout=10_000)  # type: ignore[attr-defined]
    del asking


def test_every_qml_text_is_plain_text_but_the_kiosks_own_body() -> None:
    """A Text item without textFormat guesses (AutoText): '<img src=...>' in a title would be
    rich text, with its picture fetched. Every one says PlainText; the body is RichText made
    by the kiosk itself (Typeset.body)."""
    missing = []
    for path in sorted(qml_files()):
        source = path.read_text(encoding="utf-8")
        for start in [m.end() for m in re.finditer(r"\bText \{", source)]:
            depth, end = 1, start
            while depth:
                depth += {"{": 1, "}": -1}.get(source[end], 0)
                end += 1
            block = re.sub(r"\{[^{}]*\}", "", source[start:end - 1])  # its own lines only
            fmt = re.search(r"textFormat:\s*Text\.(\w+)", block)
            if fmt is None or (fmt[1] != "PlainText"
                               and not (fmt[1] == "RichText" and "Typeset.body(" in block)):
                line = source[:start].count("\n") + 1
                missing.append(f"{path.name}:{line}: {fmt[1] if fmt else 'AutoText'}")
    assert missing == []


def test_markup_in_every_text_field_is_drawn_as_typed(make_view: MakeView,
                                                      make_folder: MakeFolder) -> None:
    from tests.content.test_hostile import EVERY_TEXT_FIELD

    root = make_folder(EVERY_TEXT_FIELD, images=("media/a.png",))
    exhibit = load_folder(root).exhibit
    assert exhibit is not None
    view = make_view(exhibit)
    view.session.navigation.openEvent(0)
    view.session.navigation.openPhoto(0)
    texts = [i for i in all_items(view) if i.metaObject().className().startswith("QQuickText")]
    shown = {i.property("text"): text_format(i) for i in texts}
    tagged = [text for text in shown if "<font" in text or "<img" in text]
    assert any("<font color=\"red\" size=\"7\">Big</font>" in t.replace("\u2060", "")
               for t in tagged), sorted(shown)  # the title reads as typed
    assert all(shown[text] == PLAIN for text in tagged)
    rich = [i for i in texts if text_format(i) == RICH]
    assert [i.objectName() for i in rich] == ["eventBody"]


@pytest.mark.parametrize("markdown", [
    '<img src="http://127.0.0.1:1/a.png">', "![a](http://127.0.0.1:1/a.png)",
    "[a link](http://127.0.0.1:1/)", "<http://127.0.0.1:1/>", "www.example.com and x@y.org",
    '<font color="red">big</font>', "&lt;img src=x&gt;", "`<img src=x>`",
])
def test_the_body_as_rich_text_carries_no_picture_link_or_font(qapp: QGuiApplication,
                                                               markdown: str) -> None:
    from kiosk.content.markdown import kiosk_markdown

    html = Typeset().body(kiosk_markdown(markdown, "en"), 28, 1.5)
    body = html[html.index("<body"):]
    assert "<img" not in body and "href" not in body and "<font" not in body, body
    assert "<a " not in body


def test_nothing_else_makes_a_network_manager() -> None:
    kiosk = Path(__file__).resolve().parents[3] / "kiosk"
    makers = [f"{path.relative_to(kiosk)}:{number}"
              for path in sorted(kiosk.rglob("*.py"))
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"QNetworkAccessManager\(|QTcpSocket|QUdpSocket|QSslSocket"
                           r"|\bsocket\.|urllib\.request|http\.client", line)]
    assert makers == [], "only kiosk/ui/shell/offline.py's RefusingManager may exist"
