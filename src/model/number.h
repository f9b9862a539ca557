// Numbers read from documents are doubles; whether one is a whole number
// that an integer type can hold is asked in several places (JSON, CSV,
// prose). A cast of a double out of range is undefined behaviour
// (`99999999999999999999` printed in a cell), so every such question goes
// through here, range first.
#ifndef GONGKAI_SRC_MODEL_NUMBER_H_
#define GONGKAI_SRC_MODEL_NUMBER_H_

#include <cmath>
#include <optional>

namespace gongkai {

// Returns `v` as an integer iff it is finite, whole and within ±2^53 (where
// every integer is exactly a double); nullopt otherwise.
inline std::optional<long long> AsWholeNumber(double v) {
  constexpr double kExact = 9007199254740992.0;  // 2^53
  if (!std::isfinite(v) || v < -kExact || v > kExact) return std::nullopt;
  if (std::trunc(v) != v) return std::nullopt;
  return static_cast<long long>(v);
}

}  // namespace gongkai

#endif  // GONGKAI_SRC_MODEL_NUMBER_H_
