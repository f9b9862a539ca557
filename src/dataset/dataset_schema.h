// Internal to the dataset (dataset.cc, dataset_schema.cc): the SQL of its
// schema. Use dataset.h.
#ifndef GONGKAI_SRC_DATASET_DATASET_SCHEMA_H_
#define GONGKAI_SRC_DATASET_DATASET_SCHEMA_H_

namespace gongkai {

// The tables and indexes (CREATE ... IF NOT EXISTS; the journal mode).
extern const char* const kSchemaSql;
// The views over the tables, made after any migration of them (a table
// rebuilt under a view cannot be renamed into place).
extern const char* const kViewsSql;

}  // namespace gongkai

#endif  // GONGKAI_SRC_DATASET_DATASET_SCHEMA_H_
