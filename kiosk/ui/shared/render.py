"""Which Qt Quick rendering path draws the kiosk, chosen on purpose for each machine.

Qt Quick draws with OpenGL (through the RHI) by default. On a laptop without a working GPU
driver, OpenGL is Mesa's software rasteriser (llvmpipe): every frame is then redrawn whole by
the CPU, about 55 ms of CPU time a frame here under Xvfb, against about 7 ms for Qt Quick's
own software renderer, which repaints only what changed. So when OpenGL turns out to be a
software rasteriser, the kiosk uses the software renderer (docs/performance.md has the
figures). `QT_QUICK_BACKEND` or `QSG_RHI_BACKEND` in the environment still decide, for staff
who know better.

A short-lived process asks OpenGL for its renderer (`kiosk _probe-gl`): looking in the
kiosk's own process left Mesa's llvmpipe loaded in it, about 120 MB of PSS for nothing. The
answer is remembered; a start with a remembered answer does not wait for the probe, which
then runs a minute later, with the kiosk idle, to notice a driver installed since.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk.services.paths import user_cache_dir
from kiosk.services.platform import self_command

# GL_RENDERER strings of OpenGL implementations that draw with the CPU
SOFTWARE_RASTERISERS = ("llvmpipe", "softpipe", "swrast", "software rasterizer",
                        "swiftshader", "gdi generic", "microsoft basic render")
# frames a second for the welcome screen's cross-fade, by what draws them
FADE_FPS_SOFTWARE = 25      # Qt Quick's software renderer: about 7 ms a frame here
FADE_FPS_CPU_OPENGL = 8     # OpenGL drawn by the CPU: about 55 ms a frame here
FADE_FPS_GPU = 30           # a GPU: frames cost the CPU next to nothing
_GL_RENDERER = 0x1F01
REPROBE_AFTER_MS = 60_000  # with a remembered answer, look again once the kiosk is idle
# where Qt Quick's default is OpenGL; elsewhere (Windows: Direct3D) Qt's default stands
LINUX_PLATFORMS = ("xcb", "wayland", "eglfs")


@dataclass(frozen=True)
class RenderPath:
    """What draws the window, and why: 'software', 'opengl' or Qt's 'default'."""
    backend: str
    gl_renderer: str | None
    reason: str

    @property
    def fade_fps(self) -> int:
        if self.backend == "software":
            return FADE_FPS_SOFTWARE
        if self.backend == "opengl" and (self.gl_renderer is None
                                         or is_software_rasteriser(self.gl_renderer)):
            return FADE_FPS_CPU_OPENGL
        return FADE_FPS_GPU


def is_software_rasteriser(gl_renderer: str) -> bool:
    """True for an OpenGL implementation that draws with the CPU (e.g. Mesa's llvmpipe)."""
    name = gl_renderer.lower()
    return any(word in name for word in SOFTWARE_RASTERISERS)


def decide(forced: str | None, gl_renderer: str | None) -> RenderPath:
    """The rule, without Qt: the environment's choice, else software unless a GPU draws."""
    if forced:
        backend = "software" if forced == "software" else "opengl"
        return RenderPath(backend, gl_renderer, f"chosen in the environment ({forced})")
    if gl_renderer is None:
        return RenderPath("software", None, "no OpenGL available")
    if is_software_rasteriser(gl_renderer):
        return RenderPath("software", gl_renderer,
                          f"OpenGL is drawn by the CPU ({gl_renderer})")
    return RenderPath("opengl", gl_renderer, f"OpenGL on a GPU ({gl_renderer})")


def forced_backend() -> str | None:
    """A backend set in the environment: QT_QUICK_BACKEND=software, or QSG_RHI_BACKEND."""
    quick = os.environ.get("QT_QUICK_BACKEND", "").strip().lower()
    if quick:
        return "software" if quick == "software" else quick
    rhi = os.environ.get("QSG_RHI_BACKEND", "").strip().lower()
    return rhi or None


def probe_gl_renderer() -> str | None:
    """The OpenGL renderer string of this machine's default context, or None (no OpenGL).

    Needs the QGuiApplication, and loads the OpenGL driver into this process: run it in
    `kiosk _probe-gl`, not in the kiosk.
    """
    from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext

    if QGuiApplication.platformName() not in LINUX_PLATFORMS:
        return None
    context = QOpenGLContext()
    if not context.create():
        return None
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    try:
        if not context.makeCurrent(surface):
            return None
        renderer = context.functions().glGetString(_GL_RENDERER)
        context.doneCurrent()
        return str(renderer) if renderer else None
    finally:
        surface.destroy()


def probe_main() -> int:
    """`kiosk _probe-gl`: print the OpenGL renderer string (nothing if there is none)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    print(probe_gl_renderer() or "", flush=True)
    del app
    return 0


def remembered_file() -> Path:
    return user_cache_dir() / "gl-renderer.txt"


def remembered_renderer() -> str | None:
    """The last probe's answer: the renderer, '' for none, None if never asked."""
    try:
        return remembered_file().read_text(encoding="utf-8").strip()
    except OSError:
        return None


def remember(renderer: str | None) -> None:
    try:
        remembered_file().parent.mkdir(parents=True, exist_ok=True)
        remembered_file().write_text(renderer or "", encoding="utf-8")
    except OSError:
        pass  # a read-only cache costs the next start the probe's time, nothing more


def probing_matters() -> bool:
    """Whether the renderer can change the choice: Linux, nothing forced to software."""
    return forced_backend() != "software" and sys.platform.startswith("linux") \
        and os.environ.get("QT_QPA_PLATFORM", "xcb") in LINUX_PLATFORMS


def start_probe() -> subprocess.Popen[str] | None:
    """Start asking for the OpenGL renderer (if it matters and nobody remembers it)."""
    if not probing_matters() or remembered_renderer() is not None:
        return None
    return subprocess.Popen(self_command(["_probe-gl"]), stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)


def probe_answer(probe: subprocess.Popen[str] | None, timeout: float = 10.0) -> str | None:
    """The renderer the probe found; None when it found none, failed or took too long."""
    if probe is None:
        return None
    try:
        out, _ = probe.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        probe.kill()
        probe.communicate()
        return None
    return out.strip() or None if probe.returncode == 0 else None


def reprobe_later() -> None:
    """A minute from now, ask again in the background and remember the answer."""
    from PySide6.QtCore import QTimer

    def ask() -> None:
        probe = subprocess.Popen(self_command(["_probe-gl"]), stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True)
        threading.Thread(target=lambda: remember(probe_answer(probe)), daemon=True).start()

    QTimer.singleShot(REPROBE_AFTER_MS, ask)


def choose_render_path(probe: subprocess.Popen[str] | None) -> RenderPath:
    """Decide with the probe's answer, and set Qt Quick's graphics API before the first
    window exists."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

    forced = forced_backend()
    if not forced and QGuiApplication.platformName() not in LINUX_PLATFORMS:
        return RenderPath("default", None, "Qt's default for this platform")
    if probe is not None:
        gl_renderer = probe_answer(probe)
        remember(gl_renderer)
    else:
        gl_renderer = remembered_renderer() or None
        if probing_matters():
            reprobe_later()
    path = decide(forced, gl_renderer)
    if path.backend == "software" and not forced:
        QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
    return path
