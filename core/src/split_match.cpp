#include "split_match.h"

#include <algorithm>
#include <utility>

#include "docid_range.h"
#include "version_collapse.h"

namespace madoguchi {

MatchPart match_docid_range(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid first,
                            Xapian::docid last, Xapian::doccount size, Xapian::doccount check_at_least,
                            const AsOfFilter& filter) {
  Xapian::Enquire enquire(db);
  if (first <= 1 && last >= db.get_lastdocid())
    enquire.set_query(query);
  else
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query((new DocidRange(first, last))->release())));
  const AsOfFilter::Decider not_ended(filter);
  CollapsedVersions collapsible(filter);
  const bool count_collapsible = check_at_least >= db.get_doccount() && filter.redundant() > 0;
  if (count_collapsible) enquire.add_matchspy(&collapsible);
  const Xapian::MSet mset = enquire.get_mset(0, size, check_at_least, nullptr, &not_ended);
  MatchPart part;
  part.docs.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) part.docs.push_back({*it, it.get_weight(), 0});
  part.estimated = mset.get_matches_estimated();
  part.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (part.exact && (count_collapsible || filter.redundant() == 0))
    part.collapsible = count_collapsible ? collapsible.dropped() : 0;
  return part;
}

MatchPart merge_parts(const MatchPart& a, const MatchPart& b, Xapian::doccount size) {
  MatchPart merged;
  merged.exact = a.exact && b.exact;
  merged.estimated = merged.exact ? a.estimated + b.estimated : std::max(a.estimated, b.estimated);
  if (merged.exact && a.collapsible && b.collapsible) merged.collapsible = *a.collapsible + *b.collapsible;
  auto i = a.docs.begin(), j = b.docs.begin();
  while (merged.docs.size() < size && (i != a.docs.end() || j != b.docs.end())) {
    const bool take_a = j == b.docs.end() ||
                        (i != a.docs.end() && (i->score > j->score || (i->score == j->score && i->doc < j->doc)));
    merged.docs.push_back(take_a ? *i++ : *j++);
  }
  return merged;
}

SplitMatcher::SplitMatcher(std::string db_dir, HelperThread& helper, BlockCache* blocks)
    : db_dir_(std::move(db_dir)), helper_(helper), blocks_(blocks) {}

bool SplitMatcher::at_revision_of(const Xapian::Database& db) {
  if (declined_) return false;
  // Opening and reopening read around the cache, which is cleared after (block_cache.h).
  const BlockCache::Scope around_the_cache(nullptr);
  bool reopened = false;
  try {
    // The revision alone is not enough: a rebuilt index starts counting again, and a replica
    // re-copied in full may sit in a new directory. The UUID names the database.
    const std::string uuid = db.get_uuid();
    const Xapian::rev revision = db.get_revision();
    if (!db_ || (db_->get_uuid() != uuid && opened_for_ != uuid)) {
      opened_for_ = uuid;  // one fresh open per caller database, not one per search
      reopened = true;
      db_.emplace(db_dir_);
    }
    if (db_->get_uuid() == uuid && db_->get_revision() != revision && db_->reopen()) reopened = true;
    if (reopened && blocks_) blocks_->clear();
    return db_->get_uuid() == uuid && db_->get_revision() == revision;
  } catch (const Xapian::InvalidOperationError&) {
    declined_ = true;  // a database of several shards has no single revision: always one thread
    if (blocks_) blocks_->clear();  // db_ may have been opened anew
  } catch (const Xapian::Error&) {
    db_.reset();  // e.g. its directory was removed under it: open anew next time
    if (blocks_) blocks_->clear();
  }
  return false;
}

std::optional<MatchPart> SplitMatcher::match(const Xapian::Database& db, const Xapian::Query& query,
                                             Xapian::doccount size, Xapian::doccount check_at_least,
                                             const AsOfFilter& filter, const Xapian::Registry& registry) {
  if (!at_revision_of(db) || !helper_.worth_handing_over()) return std::nullopt;
  const Xapian::docid last = db.get_lastdocid(), middle = last / 2;
  const std::string serialised = query.serialise();  // a Query's nodes are not shared across threads
  std::optional<MatchPart> lower, upper;
  auto upper_half = [&] {
    const BlockCache::Scope through_the_cache(blocks_);
    upper = match_docid_range(*db_, Xapian::Query::unserialise(serialised, registry), middle + 1, last, size, check_at_least,
                              filter);
  };
  helper_.run_beside(upper_half, [&] { lower = match_docid_range(db, query, 1, middle, size, check_at_least, filter); });
  return merge_parts(*lower, *upper, size);
}

}  // namespace madoguchi
