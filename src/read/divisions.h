// China's administrative divisions (data/divisions/*.csv, GB/T 2260), and
// the region and level an agency's name tells.
//
// Resolve() finds the division names a name contains, full names only
// (`洪泽区`, `淮安市`, `江苏省`), the most specific first, and keeps a county
// only when its city and province agree with the others found; a county
// name shared by several cities (`鼓楼区`) with nothing to choose between
// them is left unresolved, and said so.
#ifndef GONGKAI_SRC_READ_DIVISIONS_H_
#define GONGKAI_SRC_READ_DIVISIONS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/model/lexicon.h"
#include "src/model/status.h"

namespace gongkai {

struct Region {
  std::string province, city, county;
  std::string code;   // the most specific division's code, "" if none
  std::string level;  // "province", "city", "county", "township" or ""
  std::string note;   // why something could not be resolved, if so
};

class Divisions {
 public:
  // Loads provinces.csv, cities.csv and areas.csv from `dir`, skipping the
  // rows that stand for no place (the lexicon's division_placeholder).
  static StatusOr<Divisions> Load(const std::string& dir,
                                  const Lexicon& lexicon);

  // Returns the region and level told by an agency's name; a name ending in
  // one of `township_endings` is at township level.
  Region Resolve(const std::string& agency,
                 const std::vector<std::string>& township_endings) const;

 private:
  // Fields are views into texts_, the files as read: loading makes no
  // string per field (it runs at every start).
  struct Division {
    std::string_view code, name, parent_code;
  };
  std::vector<std::shared_ptr<const std::string>> texts_;
  std::vector<Division> provinces_, cities_, areas_;
};

}  // namespace gongkai

#endif  // GONGKAI_SRC_READ_DIVISIONS_H_
