"""An independent reader of the platform's XLSX workbooks, for the Swift tests.

    python3 read_workbook.py WORKBOOK.xlsx REPORT.json [SHEET=FILE.csv ...]

Reads WORKBOOK with openpyxl and writes REPORT: every sheet's name and rows (numbers as
floats, text as strings, empty cells as null; floats that JSON cannot hold as the strings
"nan", "inf", "-inf"), and, for each SHEET=FILE pair, the cells that differ from the CSV file.
A CSV field and a cell agree when both are missing (NA or empty, against an empty cell), both
are numbers equal as doubles (parsed with float(), compared with ==, not approximately), or
both are the same text. The header rows must be equal as text.
"""
import csv
import json
import math
import sys

import openpyxl


def cell_json(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        value = float(value)
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    return value


def as_number(text):
    try:
        return float(text)
    except ValueError:
        return None


def compare(sheet, path):
    """The differences between `sheet` and the CSV at `path`, and the numbers compared."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    differences, numbers = [], 0
    if len(cells) != len(rows):
        differences.append(f"{sheet.title}: {len(cells)} rows, {path}: {len(rows)}")
    for r, (row, expected) in enumerate(zip(cells, rows)):
        row = row + [None] * (len(expected) - len(row))
        if len(row) > len(expected) and any(v is not None for v in row[len(expected):]):
            differences.append(f"{sheet.title} row {r + 1}: more cells than {path}")
        for c, field in enumerate(expected):
            value = row[c]
            where = f"{sheet.title}!{openpyxl.utils.get_column_letter(c + 1)}{r + 1}"
            if r == 0:
                if value != field:
                    differences.append(f"{where}: header {value!r}, CSV {field!r}")
                continue
            if field in ("NA", ""):
                if value is not None:
                    differences.append(f"{where}: {value!r} where the CSV has {field!r}")
                continue
            number = as_number(field)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                numbers += 1
                if number is None or float(value) != number:
                    differences.append(f"{where}: {value!r}, CSV {field!r}")
            elif value != field:
                differences.append(f"{where}: {value!r}, CSV {field!r}")
    return differences, numbers


def main():
    workbook_path, report_path, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
    workbook = openpyxl.load_workbook(workbook_path, read_only=False)
    report = {
        "sheets": workbook.sheetnames,
        "rows": {s.title: [[cell_json(v) for v in row] for row in s.iter_rows(values_only=True)] for s in workbook.worksheets},
        "bold": {s.title: all(c.font.b for c in s[1] if c.value is not None) for s in workbook.worksheets if s.max_row >= 1},
        "frozen": {s.title: s.freeze_panes for s in workbook.worksheets},
        "differences": [],
        "numbers": 0,
    }
    for pair in pairs:
        name, path = pair.split("=", 1)
        if name not in workbook.sheetnames:
            report["differences"].append(f"no sheet {name}")
            continue
        differences, numbers = compare(workbook[name], path)
        report["differences"] += differences
        report["numbers"] += numbers
    with open(report_path, "w", encoding="utf-8") as f:
        json.dump(report, f)


if __name__ == "__main__":
    main()
