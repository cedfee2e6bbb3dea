// publish and rollback: the shared write path (write_corpus) plus the release record, written in
// the same Xapian transaction so that a crash leaves either the old release or the new one whole.
#include <cstdlib>

#include "index_writer_internal.h"
#include "madoguchi/releases.h"
#include "madoguchi/schema.h"
#include "release_state.h"
#include "release_store.h"
#include "xapian_errors.h"

namespace madoguchi {
namespace {

Result<PublishResult> publish_as(const Corpus& corpus, const std::string& db_dir, const PublishOptions& options,
                                 const std::string& kind, int rollback_to) {
  if (options.message.empty()) return Status::invalid_input("a release needs a message (--message)");
  PublishResult out;
  WriteOptions write{.analyzer = options.analyzer,
                     .before_commit = options.before_commit,
                     .sudachi = options.sudachi,
                     .keep_previous = true};
  write.record = [&](Xapian::WritableDatabase& db, const WritePlan& plan, bool* skip) -> Status {
    const int latest = latest_release(db);
    // Nothing to publish. The first publish to a database built by `index` still makes release 1
    // (its baseline); a first publish of an empty corpus has nothing to record.
    if (plan.changes.empty() && (latest > 0 ? !plan.synonyms_changed : corpus.versions.empty())) {
      *skip = true;
      if (auto info = latest_release_info(db)) out.release = *info;
      return Status();
    }
    ReleaseInfo& r = out.release;
    r.number = latest + 1;
    r.time = utc_now_iso();
    r.author = options.author;
    r.message = options.message;
    r.kind = kind;
    r.rollback_to = rollback_to;
    for (const auto& c : plan.changes) {
      if (c.kind == ChangeKind::kAdded) ++r.added;
      else if (c.kind == ChangeKind::kChanged) ++r.changed;
      else ++r.withdrawn;
      // Append this release to the entry's own history.
      const std::string key = entry_history_key(c.id);
      std::string list = db.get_metadata(key);
      db.set_metadata(key, list.empty() ? std::to_string(r.number) : list + " " + std::to_string(r.number));
    }
    r.synonyms_changed = plan.synonyms_changed && !(latest == 0 && corpus.synonyms.empty());
    r.synonyms_hash = plan.synonyms_hash;
    const std::string synonyms_key = std::string(schema::kMetaSynonyms) + plan.synonyms_hash;
    if (db.get_metadata(synonyms_key).empty()) db.set_metadata(synonyms_key, plan.synonyms_json);
    db.set_metadata(release_changes_key(r.number), encode_changes(plan.changes));
    db.set_metadata(release_info_key(r.number), encode_release_info(r));
    db.set_metadata(std::string(schema::kMetaRelease), std::to_string(r.number));
    return Status();
  };
  auto written = write_corpus(corpus, db_dir, write);
  if (!written) return written.status();
  out.unchanged = written->skipped;
  out.stats = written->stats;
  return out;
}

}  // namespace

Result<PublishResult> publish(const Corpus& corpus, const std::string& db_dir, const PublishOptions& options) {
  return publish_as(corpus, db_dir, options, "publish", 0);
}

Result<PublishResult> rollback(const std::string& db_dir, int to, const PublishOptions& options) {
  Result<Corpus> corpus = Status::internal("unset");
  try {
    Xapian::Database db(db_dir);
    if (latest_release(db) == 0) return Status::not_found("nothing was published to " + db_dir);
    if (to < 1) return Status::not_found("no release " + std::to_string(to));
    corpus = corpus_at(db, to);
  } catch (const Xapian::Error& e) {
    return status_from_xapian(e, db_dir);
  }
  if (!corpus) return corpus.status();
  // A release published between reading and writing is harmless: the corpus is complete, so
  // the result is release `to`'s state either way.
  return publish_as(*corpus, db_dir, options, "rollback", to);
}

}  // namespace madoguchi
