"""The report's own choices (linkchart.reporting.spec)."""

from __future__ import annotations

import pytest

from linkchart.errors import LinkchartError
from linkchart.reporting.spec import ReportSpec


def test_top_is_a_positive_integer() -> None:
    assert ReportSpec().top == 10
    assert ReportSpec().replace(top=3) == ReportSpec(top=3)
    with pytest.raises(LinkchartError, match="top must be a positive integer, not 0"):
        ReportSpec().replace(top=0)
