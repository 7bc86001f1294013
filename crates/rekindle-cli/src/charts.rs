//! The HTML report's charts, drawn by plotters as SVG text to inline in the
//! page: no fonts are loaded, text is left to the browser's sans-serif.

use plotters::prelude::*;
use rekindle::Dot;
use rekindle::timeline::{MonthCount, YearCount};

use crate::output::Failure;

/// Bars: connections gained.
pub const TEAL: RGBColor = RGBColor(13, 148, 136);
/// Messages you sent.
pub const BLUE: RGBColor = RGBColor(37, 99, 235);
/// Messages you received.
pub const ORANGE: RGBColor = RGBColor(234, 88, 12);
/// Neglected people.
pub const RED: RGBColor = RGBColor(220, 38, 38);
/// Everyone else.
const SLATE: RGBColor = RGBColor(148, 163, 184);
const INK: RGBColor = RGBColor(51, 65, 85);

const WIDTH: u32 = 640;
const HEIGHT: u32 = 300;

/// Draws into an SVG string of the given size.
fn svg(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Result<(), Failure>,
) -> Result<String, Failure> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&root)?;
        root.present()?;
    }
    Ok(out)
}

fn label_style() -> TextStyle<'static> {
    ("sans-serif", 13).into_font().color(&INK)
}

/// The series legend, in the upper left corner.
fn legend<'a, CT: plotters::coord::CoordTranslate>(
    chart: &mut ChartContext<'a, SVGBackend<'a>, CT>,
) -> Result<(), Failure> {
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(SLATE)
        .label_font(label_style())
        .draw()?;
    Ok(())
}

/// Connections gained per year, as bars.
pub fn connections_per_year(years: &[YearCount]) -> Result<String, Failure> {
    svg((WIDTH, HEIGHT), |root| {
        root.fill(&WHITE)?;
        let (Some(first), Some(last)) = (years.first(), years.last()) else {
            return Ok(());
        };
        let top = years.iter().map(|y| y.connections).max().unwrap_or(0);
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(44)
            .build_cartesian_2d(
                (first.year..last.year).into_segmented(),
                0u32..top + top / 8 + 1,
            )?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .bold_line_style(SLATE.mix(0.3))
            .x_labels(years.len().min(12))
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(year) => year.to_string(),
                _ => String::new(),
            })
            .label_style(label_style())
            .y_desc("connections")
            .draw()?;
        chart.draw_series(
            Histogram::vertical(&chart)
                .style(TEAL.filled())
                .margin(3)
                .data(years.iter().map(|y| (y.year, y.connections))),
        )?;
        Ok(())
    })
}

/// Messages per month over the years, sent and received as two lines.
pub fn messages_per_month(months: &[MonthCount]) -> Result<String, Failure> {
    svg((WIDTH, HEIGHT), |root| {
        root.fill(&WHITE)?;
        let (Some(first), Some(last)) = (months.first(), months.last()) else {
            return Ok(());
        };
        let at = |m: &MonthCount| f64::from(m.year) + f64::from(m.month - 1) / 12.0;
        let top = months
            .iter()
            .map(|m| m.sent.max(m.received))
            .max()
            .unwrap_or(0);
        let span = (at(first), at(last) + 1.0 / 12.0);
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(44)
            .build_cartesian_2d(span.0..span.1, 0u32..top + top / 8 + 1)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .bold_line_style(SLATE.mix(0.3))
            .x_labels(((span.1 - span.0).ceil() as usize + 1).min(12))
            .x_label_formatter(&|x| {
                if x.fract().abs() < 1e-9 {
                    format!("{x:.0}")
                } else {
                    String::new()
                }
            })
            .label_style(label_style())
            .y_desc("messages per month")
            .draw()?;
        for (name, color, count) in [
            (
                "sent",
                BLUE,
                (|m: &MonthCount| m.sent) as fn(&MonthCount) -> u32,
            ),
            ("received", ORANGE, |m: &MonthCount| m.received),
        ] {
            chart
                .draw_series(LineSeries::new(
                    months.iter().map(|m| (at(m) + 1.0 / 24.0, count(m))),
                    color.stroke_width(2),
                ))?
                .label(name)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(3))
                });
        }
        legend(&mut chart)?;
        Ok(())
    })
}

/// Recency (days since the last interaction, log scale) against depth,
/// the neglected in red.
pub fn recency_vs_depth(dots: &[Dot]) -> Result<String, Failure> {
    svg((WIDTH, 360), |root| {
        root.fill(&WHITE)?;
        let longest = dots.iter().map(|d| d.days).max().unwrap_or(1).max(365);
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(44)
            .build_cartesian_2d((1.0..f64::from(longest) * 1.5).log_scale(), 0.0..105.0f64)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(SLATE.mix(0.3))
            .x_label_formatter(&|days| rekindle::reports::human_days(*days as i64))
            .label_style(label_style())
            .x_desc("time since you last talked (log scale)")
            .y_desc("depth")
            .draw()?;
        let at = |d: &Dot| (f64::from(d.days.max(0)) + 1.0, d.depth);
        chart
            .draw_series(
                dots.iter()
                    .filter(|d| !d.neglected)
                    .map(|d| Circle::new(at(d), 4, SLATE.mix(0.7).filled())),
            )?
            .label("other two-way ties")
            .legend(|(x, y)| Circle::new((x + 8, y), 4, SLATE.filled()));
        chart
            .draw_series(
                dots.iter()
                    .filter(|d| d.neglected)
                    .map(|d| Circle::new(at(d), 6, RED.filled())),
            )?
            .label("neglected")
            .legend(|(x, y)| Circle::new((x + 8, y), 6, RED.filled()));
        // Names sit left of and above their dot, clear of it.
        let anchor = plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Right,
            plotters::style::text_anchor::VPos::Bottom,
        );
        chart.draw_series(dots.iter().filter_map(|d| {
            d.label.as_ref().map(|label| {
                EmptyElement::at(at(d))
                    + Text::new(label.to_string(), (-9, -5), label_style().pos(anchor))
            })
        }))?;
        legend(&mut chart)?;
        Ok(())
    })
}

/// A small line of monthly activity, without axes, for a list row.
pub fn sparkline(series: &[u32]) -> Result<String, Failure> {
    svg((160, 32), |root| {
        let top = series.iter().copied().max().unwrap_or(0).max(1);
        let mut chart = ChartBuilder::on(root)
            .margin(2)
            .build_cartesian_2d(0..series.len().max(2) - 1, 0..top)?;
        chart.draw_series(AreaSeries::new(
            series.iter().copied().enumerate(),
            0,
            BLUE.mix(0.25),
        ))?;
        chart.draw_series(LineSeries::new(
            series.iter().copied().enumerate(),
            BLUE.stroke_width(1),
        ))?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_svg_with_their_data() {
        let years = [
            YearCount {
                year: 2020,
                connections: 3,
            },
            YearCount {
                year: 2021,
                connections: 0,
            },
            YearCount {
                year: 2022,
                connections: 7,
            },
        ];
        let bars = connections_per_year(&years).expect("bars draw");
        assert!(bars.starts_with("<svg"), "{}", &bars[..40]);
        assert!(bars.contains("2021") && bars.contains("connections"));
        assert!(bars.contains("rgb(13,148,136)") || bars.contains("#0D9488"));

        let dots = [
            Dot {
                days: 800,
                depth: 90.0,
                neglected: true,
                label: Some("A & <B>".into()),
            },
            Dot {
                days: 3,
                depth: 40.0,
                neglected: false,
                label: None,
            },
        ];
        let scatter = recency_vs_depth(&dots).expect("scatter draws");
        assert!(scatter.contains("A &amp; &lt;B&gt;"), "labels are escaped");
        assert_eq!(
            scatter.matches("<circle").count(),
            2 + 2,
            "two dots, two legend marks"
        );

        assert!(
            sparkline(&[0, 1, 5, 0])
                .expect("sparkline")
                .contains("<svg")
        );
        assert!(sparkline(&[]).is_ok(), "an empty series still draws");
        assert!(connections_per_year(&[]).is_ok());
        assert!(messages_per_month(&[]).is_ok());
    }
}
