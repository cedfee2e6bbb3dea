// Renders a LogReport as one self-contained HTML file: inline CSS and SVG, no scripts, no network,
// so an editor can open it from a shared folder in any browser.
#include <algorithm>
#include <fmt/format.h>

#include "madoguchi/log_report.h"

namespace madoguchi {
namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

struct Bar {
  std::string label;
  long value = 0;
  long highlight = 0;  // drawn over the bar in the accent colour (zero-hit share)
};

std::string bar_chart(const std::string& title, const std::vector<Bar>& bars, const char* legend) {
  const int width = 760, height = 220, left = 40, bottom = 40, top = 20;
  long max = 1;
  for (const auto& b : bars) max = std::max(max, b.value);
  const double slot = bars.empty() ? 0 : double(width - left - 10) / double(bars.size());
  std::string svg = fmt::format(
      "<figure><svg role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\">"
      "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"axis\"/>"
      "<text x=\"4\" y=\"{}\" class=\"tick\">{}</text><text x=\"4\" y=\"{}\" class=\"tick\">0</text>",
      escape(title), width, height, width, height, left, height - bottom, width - 10, height - bottom, top + 4, max,
      height - bottom);
  const size_t label_every = std::max<size_t>(1, bars.size() / 12);
  for (size_t i = 0; i < bars.size(); ++i) {
    const double h = double(height - bottom - top) * double(bars[i].value) / double(max);
    const double hz = double(height - bottom - top) * double(bars[i].highlight) / double(max);
    const double x = left + slot * double(i) + slot * 0.15;
    svg += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"><title>{} {}</title></rect>",
                       x, height - bottom - h, slot * 0.7, h, escape(bars[i].label), bars[i].value);
    if (hz > 0)
      svg += fmt::format("<rect class=\"zero\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"/>", x,
                         height - bottom - hz, slot * 0.7, hz);
    if (i % label_every == 0)
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"tick\">{}</text>", x, height - bottom + 16,
                         escape(bars[i].label));
  }
  svg += "</svg>";
  if (legend) svg += fmt::format("<p class=\"legend\">{}</p>", legend);
  return svg + "</figure>";
}

std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<table><tr>";
  for (const auto& h : header) out += "<th>" + escape(h) + "</th>";
  out += "</tr>";
  for (const auto& r : rows) {
    out += "<tr>";
    for (const auto& c : r) out += "<td>" + escape(c) + "</td>";
    out += "</tr>";
  }
  if (rows.empty()) out += fmt::format("<tr><td colspan=\"{}\">（なし）</td></tr>", header.size());
  return out + "</table>";
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

std::string report_html(const LogReport& r, const ReportOptions& o) {
  std::string period = (o.from ? o.from->to_string() : std::string("最初")) + " 〜 " +
                       (o.to ? o.to->to_string() : std::string("最新"));
  std::vector<Bar> days, hours;
  for (const auto& d : r.days) days.push_back({d.date.substr(5), d.searches, d.zero_hit});
  for (size_t h = 0; h < r.hours.size(); ++h) hours.push_back({std::to_string(h) + "時", r.hours[h], 0});

  std::vector<std::vector<std::string>> zero_rows, top_rows, opened_rows, feedback_rows, release_rows;
  for (const auto& z : r.zero_hit) zero_rows.push_back({z.terms, std::to_string(z.count), join(z.examples, " / ")});
  for (const auto& q : r.top_queries) top_rows.push_back({q.text, std::to_string(q.count)});
  for (const auto& e : r.opened) opened_rows.push_back({e.text, std::to_string(e.count)});
  for (const auto& f : r.feedback) feedback_rows.push_back({f.id, std::to_string(f.count), join(f.notes, " / ")});
  for (const auto& rel : r.releases)
    release_rows.push_back({rel.release ? std::to_string(rel.release) : "不明", std::to_string(rel.searches),
                            fmt::format("{:.1f}%", rel.zero_hit_rate * 100),
                            rel.change ? fmt::format("{:+.1f} pt", *rel.change * 100) : "—"});

  const double zero_rate = r.searches ? 100.0 * double(r.zero_hit_searches) / double(r.searches) : 0;
  std::string html = R"(<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">
<title>検索ログ集計 — Madoguchi</title><style>
body{font-family:"Noto Sans CJK JP","IPAexGothic",sans-serif;margin:2em;color:#222;max-width:1000px}
h1{font-size:1.5em}h2{font-size:1.15em;border-bottom:2px solid #2a6ebb;padding-bottom:.2em;margin-top:1.8em}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left}
th{background:#eef3fa}.kpi{display:flex;gap:1.5em}.kpi div{background:#eef3fa;padding:.6em 1em;border-radius:6px}
.kpi b{font-size:1.4em;display:block}.bar{fill:#2a6ebb}.zero{fill:#d9534f}.axis{stroke:#888}
.tick{font-size:11px;fill:#555}figure{margin:0}figcaption{font-weight:bold;margin:.5em 0}.legend{font-size:.85em;color:#555}
</style></head><body>)";
  html += "<h1>検索ログ集計</h1>";
  html += fmt::format("<p>期間: {}　・　ログ {} 件</p>", escape(period), r.logs_read.size());
  html += fmt::format(
      "<div class=\"kpi\"><div>検索数<b>{}</b></div><div>0件ヒット<b>{}</b></div><div>0件率<b>{:.1f}%</b></div></div>",
      r.searches, r.zero_hit_searches, zero_rate);
  html += "<h2>日別の検索数</h2>" + bar_chart("日別", days, "青: 検索数　赤: 0件ヒット");
  html += "<h2>時間帯別の検索数</h2>" + bar_chart("時間帯別", hours, nullptr);
  html += "<h2>0件ヒットの検索（解析語でまとめたもの）</h2>" + table({"語", "回数", "入力例"}, zero_rows);
  html += "<h2>よく検索された語句</h2>" + table({"検索語句", "回数"}, top_rows);
  html += "<h2>よく開かれたエントリ</h2>" + table({"ID", "回数"}, opened_rows);
  html += "<h2>「回答が不十分」のフィードバック</h2>" + table({"ID", "件数", "メモ"}, feedback_rows);
  html += "<h2>リリースごとの0件率</h2>" + table({"リリース", "検索数", "0件率", "前リリース比"}, release_rows);
  if (!r.never_opened.empty())
    html += "<h2>一度も開かれていないエントリ（" + std::to_string(r.never_opened.size()) + " 件）</h2><p>" +
            escape(join(r.never_opened, "、")) + "</p>";
  html += "<p class=\"legend\">Madoguchi が各席の検索ログから作成。電話番号などの数字列は記録時に伏せています。</p>";
  return html + "</body></html>\n";
}

}  // namespace madoguchi
