#include "index_identity.h"

#include "madoguchi/schema.h"

namespace madoguchi {

Result<AnalyzerIdentity> stored_identity(const Xapian::Database& db, const std::string& db_dir) {
  const std::string schema_version = db.get_metadata(std::string(schema::kMetaSchema));
  const std::string analyzer = db.get_metadata(std::string(schema::kMetaAnalyzer));
  if (schema_version.empty() || analyzer.empty())
    return Status::invalid_input("not a Madoguchi index (no analyzer metadata)", {db_dir, 0});
  if (schema_version != std::to_string(schema::kSchemaVersion))
    return Status::incompatible_index(db_dir + ": index schema version " + schema_version + ", this build reads " +
                                      std::to_string(schema::kSchemaVersion) + ": rebuild the index");
  return AnalyzerIdentity::from_json(analyzer);
}

Status check_identity(const AnalyzerIdentity& stored, const AnalyzerIdentity& local, const std::string& db_dir) {
  if (stored.analysis_version != local.analysis_version)
    return Status::incompatible_index(db_dir + ": index built with analysis version " +
                                      std::to_string(stored.analysis_version) + ", this build uses " +
                                      std::to_string(local.analysis_version) + ": rebuild the index");
  if (stored.profile != local.profile || stored.sys_dic_hash != local.sys_dic_hash)
    return Status::incompatible_index(db_dir + ": index built with dictionary '" + stored.profile + "' (" +
                                      stored.dictionary_dir + ", sys.dic " + stored.sys_dic_hash +
                                      "), but this seat has '" + local.profile + "' (" + local.dictionary_dir +
                                      ", sys.dic " + local.sys_dic_hash +
                                      "): install the same dictionary or rebuild the index");
  return Status();
}

}  // namespace madoguchi
