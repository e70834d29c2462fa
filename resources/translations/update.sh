#!/bin/sh
# Re-extract translatable strings from gui/ into the .ts (keeps existing translations),
# then compile the .qm the app loads. Edit translations with pyside6-linguist or any editor.
set -e
cd "$(dirname "$0")/../.."
BIN="${VENV:-.venv}/bin"
"$BIN/pyside6-lupdate" $(find gui -name "*.py" | sort) -ts resources/translations/celltrail_zh_CN.ts \
    -target-language zh_CN -no-obsolete -locations none
"$BIN/pyside6-lrelease" resources/translations/celltrail_zh_CN.ts -qm resources/translations/celltrail_zh_CN.qm
