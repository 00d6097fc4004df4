"""Charts: what they are drawn from, and an SVG the shop's Content-Security-Policy lets through."""

from marketplace.reports.charts import Chart, render, short_number, table, ticks


def test_value_axis_steps_are_round_whole_numbers():
    assert ticks([0, 7]) == [0, 2, 4, 6, 8]
    assert ticks([3]) == [0, 1, 2, 3]
    assert ticks([]) == [0, 1]
    assert ticks([1_375_000]) == [0, 500_000, 1_000_000, 1_500_000]


def test_axis_labels_read_as_vietnamese_amounts():
    assert short_number(1_500_000) == "1,5 tr"
    assert short_number(2_000_000_000) == "2 tỷ"
    assert short_number(45_000) == "45 nghìn"
    assert short_number(0) == "0"


def test_a_chart_has_its_table_and_an_svg_without_scripts():
    chart = Chart(title="Bán được", summary="Tháng này bán 2 đơn.", labels=["11/26", "12/26"], series={})
    chart.series = {"Tiền hàng": [100000, 250000], "Số đơn": [1, 2]}
    table(chart, "Tháng", [lambda v: f"{v} đ", str])
    render(chart, drawn=["Tiền hàng"])
    assert chart.columns == ["Tháng", "Tiền hàng", "Số đơn"]
    assert chart.rows == [["11/26", "100000 đ", "1"], ["12/26", "250000 đ", "2"]]
    svg = str(chart.svg)
    assert svg.startswith('<svg role="img" aria-label="Bán được. Tháng này bán 2 đơn."')
    assert "<script" not in svg and "<!--" not in svg
    assert svg.count('class="rect reactive tooltip-trigger"') == 2  # two bars: the drawn series only
