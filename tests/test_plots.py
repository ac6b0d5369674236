import matplotlib
import numpy as np
import pandas as pd

from analysis import plots

matplotlib.use("Agg")


def _by_month(months, figure="loaded_density"):
    return pd.DataFrame({"month": months, "figure": figure, "articles": 3, "value": np.arange(len(months)) + 1.0,
                         "low": np.arange(len(months)) + 0.5, "high": np.arange(len(months)) + 1.5})


def test_months_are_drawn_on_a_calendar_and_a_month_without_articles_is_a_gap():
    fig = plots.figures_over_time(_by_month(["2010-06", "2010-07", "2010-12"]), "month")
    line = fig.axes[0].lines[0]
    dates = pd.to_datetime(matplotlib.dates.num2date(line.get_xdata(orig=False))).tz_localize(None)
    assert list(dates.strftime("%Y-%m")) == ["2010-06", "2010-07", "2010-08", "2010-09", "2010-10", "2010-11",
                                             "2010-12"]
    values = line.get_ydata()
    assert values[:2].tolist() == [1.0, 2.0] and np.isnan(values[2:6]).all() and values[6] == 3.0
    matplotlib.pyplot.close(fig)


def test_one_panel_per_figure_in_the_order_given():
    frame = pd.concat([_by_month(["2011-01", "2011-02"], "tone"), _by_month(["2011-02"], "loaded_density")])
    fig = plots.figures_over_time(frame, "month")
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["Tone", "Loaded terms per 100 words"]
    assert len(fig.axes[1].lines[0].get_ydata()) == 2  # the calendar of the whole corpus, one month empty
    matplotlib.pyplot.close(fig)
