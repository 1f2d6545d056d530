"""What the views share: the translation helper, lazy refresh, the notice line (market colours: ui/palette.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProxyStyle, QStyle, QVBoxLayout, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def stack(*parts) -> QWidget:
    """A widget holding widgets and layouts one above the other."""
    box = QWidget()
    layout = QVBoxLayout(box)
    for part in parts:
        (layout.addLayout if isinstance(part, QHBoxLayout) else layout.addWidget)(part)
    return box


class Lazy:
    """A view that recomputes only when it is on screen: a change to a hidden view marks it stale."""

    _stale = True

    def watch(self, session) -> None:
        session.changed.connect(self._on_change)

    def _on_change(self, touched) -> None:
        self._stale = True
        self.touched = getattr(self, "touched", frozenset()) | touched
        if self.isVisible():
            self.bring_up_to_date()

    def bring_up_to_date(self) -> None:
        if self._stale:
            self._stale = False
            touched, self.touched = getattr(self, "touched", frozenset()), frozenset()
            self.update_view(touched)

    def showEvent(self, event):
        self.bring_up_to_date()
        super().showEvent(event)


class Notice(QLabel):
    """A one-line message under a view: why an edit was refused, what just happened."""

    def __init__(self):
        super().__init__()
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)

    def refuse(self, text: str) -> None:
        self.setStyleSheet("color: #c5221f;")
        self.setText(text)

    def say(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)


class RoomForAccents(QProxyStyle):
    """Tabs a few pixels taller. Fusion draws a tab that is not the current one lower in the same
    height and clips its text at the top: a capital's accent was cut off ("Équipe" read "Equipe")."""

    def sizeFromContents(self, kind, option, size, widget=None):
        size = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.CT_TabBarTab:
            size.setHeight(size.height() + 4)
        return size


def give_tabs_room(tabs) -> None:
    """``tabs``' bar drawn with :class:`RoomForAccents` (the style lives as long as the tabs)."""
    style = RoomForAccents()
    style.setParent(tabs)
    tabs.tabBar().setStyle(style)
