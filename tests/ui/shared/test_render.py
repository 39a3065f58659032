"""The rendering path is chosen on purpose: software when OpenGL is drawn by the CPU."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ui.shared.render import (
    FADE_FPS_CPU_OPENGL,
    FADE_FPS_GPU,
    FADE_FPS_SOFTWARE,
    decide,
    forced_backend,
    is_software_rasteriser,
    remember,
    remembered_renderer,
    start_probe,
)


@pytest.mark.parametrize("renderer", ["llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe",
                                      "Software Rasterizer", "GDI Generic",
                                      "Google SwiftShader"])
def test_cpu_rasterisers_are_recognised(renderer: str) -> None:
    assert is_software_rasteriser(renderer)
    path = decide(None, renderer)
    assert path.backend == "software"
    assert path.fade_fps == FADE_FPS_SOFTWARE
    assert renderer in path.reason


@pytest.mark.parametrize("renderer", ["Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
                                      "AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15.0.6)",
                                      "NVIDIA GeForce GTX 1050/PCIe/SSE2"])
def test_a_gpu_keeps_opengl(renderer: str) -> None:
    path = decide(None, renderer)
    assert path.backend == "opengl"
    assert path.fade_fps == FADE_FPS_GPU


def test_no_opengl_means_software() -> None:
    assert decide(None, None).backend == "software"


def test_the_environment_decides_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    forced = decide("opengl", "llvmpipe (LLVM 15.0.6, 256 bits)")
    assert forced.backend == "opengl"
    assert forced.fade_fps == FADE_FPS_CPU_OPENGL  # fewer frames, each costs the CPU much
    monkeypatch.setenv("QT_QUICK_BACKEND", "software")
    assert forced_backend() == "software"
    monkeypatch.delenv("QT_QUICK_BACKEND")
    monkeypatch.setenv("QSG_RHI_BACKEND", "opengl")
    assert forced_backend() == "opengl"
    monkeypatch.delenv("QSG_RHI_BACKEND")
    assert forced_backend() is None


def test_the_answer_is_remembered_for_the_next_start(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    monkeypatch.delenv("QT_QUICK_BACKEND", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert remembered_renderer() is None
    remember("llvmpipe (LLVM 15.0.6, 256 bits)")
    assert remembered_renderer() == "llvmpipe (LLVM 15.0.6, 256 bits)"
    assert start_probe() is None  # no waiting for a probe when the answer is known
    remember(None)
    assert remembered_renderer() == ""  # asked, and there was no OpenGL


def test_no_probe_when_software_is_forced(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.setenv("QT_QUICK_BACKEND", "software")
    assert start_probe() is None
