// SHA-256 against the FIPS 180-4 example vectors, and the SHA-NI block
// function (where the processor has it) against the portable one.
#include "src/model/sha256.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(
      Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PortableCodeKnownVectors) {
  EXPECT_EQ(Sha256HexPortable("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256HexPortable(
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, ChosenCodeAgreesWithPortableOnEveryLengthUpTo300) {
  std::string data;
  uint32_t x = 12345;
  for (int n = 0; n <= 300; ++n) {
    EXPECT_EQ(Sha256Hex(data), Sha256HexPortable(data)) << "length " << n;
    x = x * 1103515245u + 12345u;
    data += static_cast<char>(x >> 24);
  }
}

}  // namespace
}  // namespace gongkai
