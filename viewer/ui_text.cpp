#include "ui_text.h"

namespace madoguchi::viewer::text {

std::string_view type_label(std::string_view value) {
  for (const auto& t : kTypes)
    if (t.value == value) return t.label;
  return value;
}

std::vector<std::string_view> all() {
  std::vector<std::string_view> v = {
      kWindowTitle, kSearchHint, kCategory, kType, kAsOf, kAny, kToday, kClearFilters, kHelpButton,
      kNoIndex, kIndexOpening, kIndexFailed, kTypeToSearch, kNoResults, kSearching, kSelectResult,
      kLoading, kQuestion, kAnswer, kScript, kCopyAnswer, kCopyScript, kCopied, kFeedbackRecorded, kScriptCopied,
      kNoScript, kNothingToCopy, kStillLoading, kInForceSince, kInForceUntil, kSinceAlways, kValidity, kSource,
      kMunicipalities, kTags, kRouting, kUpcomingNotice, kUpcomingChange, kShowUpcoming,
      kHideUpcoming, kShowPrevious, kHidePrevious, kPreviousVersion, kUpcomingVersion, kNoPrevious,
      kWithdrawnNotice, kUpcomingOnlyNotice, kStatusIndex, kStatusRelease, kStatusEntries,
      kStatusHits, kStatusUnit, kAbout, kStatusSearchTime, kStatusAsOf, kStatusNoRelease, kHelpTitle,
      kHelpClose, kHelpMouse, kBadDate, kPickCategoryTitle, kPickTypeTitle, kMoreResults, kShown,
      kOtherSections, kErrorPrefix, kPastDateWarning, kFutureDateWarning, kBadgeNew, kBadgeChanged,
      kBadgeUpcoming, kBadgeWithdrawn, kReleaseWord, kPublishedSuffix, kRollbackTo, kCountChanged, kCountAdded,
      kCountWithdrawn, kSynonymsOnly, kNoEntryChanges, kSinceAcknowledged, kBannerHint, kBannerButton,
      kChangesTitle, kChangesNone, kChangesLoading, kChangesRange, kAcknowledge, kAcknowledged, kPanelClose,
      kHistoryTitle, kHistoryLoading, kHistoryNone, kNothingSelected, kVersionAdded, kVersionChanged,
      kVersionWithdrawn, kVersionUndated, kComparedWith, kFieldTitle, kFieldBody, kFieldEffective, kFieldExpires,
      kMarkRevised, kMarkAdded, kLastChecked, kNeverChecked, kStaleWarning, kCheckFailing, kFeedbackTitle,
      kFeedbackPrompt, kFeedbackSave, kFeedbackCancel, kFeedbackCancelled};
  for (const auto& t : kTypes) v.push_back(t.label);
  return v;
}

}  // namespace madoguchi::viewer::text
