"""Go's text/tabwriter, which lines up every kubectl table and describe page.

kubectl writes cells separated by tabs and lets the tabwriter pad them. Columns are
aligned per *block*: consecutive lines that all have a cell in that column. A line
with fewer cells (a blank line, a line without tabs) ends the block, so widths
never leak from one table or one describe section into the next. The last cell of
each line is not part of a column and is never padded, so lines carry no trailing
spaces. Widths count runes, as Go does.

kubectl's writer also remembers the widest each column has been across flushes
(liggitt/tabwriter's RememberWidths): `kubectl get -w` prints its watch rows in the
columns of the first table, widening them only when a row needs more room.
"""

from __future__ import annotations


def tabwrite(text: str, *, minwidth: int, padding: int,
             remembered: list[int] | None = None) -> str:
    """Align the tab-separated `text` as a Go tabwriter with a space pad character.

    Args:
        text: lines separated by "\\n", cells by "\\t".
        minwidth: the smallest width of a column, padding included.
        padding: spaces added to the widest cell of a column.
        remembered: the widest each column has been in earlier flushes of the same
            writer; columns are at least that wide, and the list is updated in place.
    """
    writer = _Writer([line.split("\t") for line in text.split("\n")], minwidth, padding,
                     remembered)
    writer.format(0, len(writer.lines))
    return "".join(writer.out)


class _Writer:
    """The column-block formatter of text/tabwriter, for one flush."""

    def __init__(self, lines: list[list[str]], minwidth: int, padding: int,
                 remembered: list[int] | None) -> None:
        self.lines, self.minwidth, self.padding = lines, minwidth, padding
        self.remembered = remembered
        self.widths: list[int] = []
        self.out: list[str] = []

    def format(self, line0: int, line1: int) -> None:
        """Write lines [line0, line1), sizing the next column for each block that has it."""
        column = len(self.widths)
        this = line0
        while this < line1:
            if column >= len(self.lines[this]) - 1:
                this += 1
                continue
            self.write_lines(line0, this)
            line0 = this
            width = self.minwidth
            while this < line1 and column < len(self.lines[this]) - 1:
                width = max(width, len(self.lines[this][column]) + self.padding)
                this += 1
            self.widths.append(self.remember(width))
            self.format(line0, this)
            self.widths.pop()
            line0 = this
        self.write_lines(line0, line1)

    def remember(self, width: int) -> int:
        """The width of the column being sized, given the widths of earlier flushes."""
        maxwidths, column = self.remembered, len(self.widths)
        if maxwidths is None:
            return width
        if len(maxwidths) < column:
            maxwidths.extend(self.widths[len(maxwidths):])
        if len(maxwidths) == column:
            maxwidths.append(width)
        maxwidths[column] = max(maxwidths[column], width)
        return maxwidths[column]

    def write_lines(self, line0: int, line1: int) -> None:
        """Write lines [line0, line1) with the column widths known so far."""
        for index in range(line0, line1):
            for j, cell in enumerate(self.lines[index]):
                self.out.append(cell)
                if j < len(self.widths):
                    self.out.append(" " * (self.widths[j] - len(cell)))
            if index + 1 < len(self.lines):
                self.out.append("\n")
