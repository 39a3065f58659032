"""What every UI feature may use: the QML module's plumbing, the theme, the visitor's screen
(navigation), pictures, the Qt typesetter."""
