#include "corpus_for_db.h"

#include "madoguchi/index_writer.h"

namespace madoguchi::cli {

Result<Corpus> CorpusForDb::load(const std::string& root, CorpusOptions options, CorpusReport& report) {
  const KnownFiles known = known_files(db_);
  if (!verify_) previous_ = load_file_stamps(db_, root);
  options.known = &known;
  options.stamps = verify_ ? nullptr : &previous_;
  return load_corpus(root, options, report);
}

void CorpusForDb::remember(const Corpus& corpus) const {
  if (corpus.stamps != previous_) save_file_stamps(db_, corpus.root, corpus.stamps);
}

}  // namespace madoguchi::cli
