// Reserved for issue 4 (releases): a banner when a new release arrives ("新しい版が公開されました")
// and a panel of what changed since the operator's last shift. Both read ViewState::banner and
// ViewState::changes, which nothing fills in yet, so this draws nothing today.
#include <imgui.h>

#include "draw_panels.h"

namespace madoguchi::viewer {

void draw_banner(const ViewState& s, Requests&) {
  if (!s.banner.visible) return;
  const Palette& p = palette(s.theme);
  boxed(p.upcoming_bg, [&](float) { ImGui::TextUnformatted(s.banner.text.c_str()); });
}

}  // namespace madoguchi::viewer
