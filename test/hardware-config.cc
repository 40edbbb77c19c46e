// The hardware config's view of the ISA table (microkernels/isas.inc): names,
// force flags in both directions, the best-first order, and that no ISA of
// another architecture is ever reported as supported.
#include <cstdint>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include <attnorm.h>

#include "src/hardware-config.h"

namespace {

struct IsaRow {
  enum attnorm_isa isa;
  const char* name;
  bool arch;
  uint32_t force_flag;
};

const IsaRow kIsaRows[] = {
#define ATTNORM_ISA(isa, name, guard, arch, force_flag, cpu_check) {isa, #name, (arch) != 0, force_flag},
#include "microkernels/isas.inc"
#undef ATTNORM_ISA
};

}  // namespace

TEST(HardwareConfig, one_row_per_isa_in_enum_order) {
  ASSERT_EQ(sizeof(kIsaRows) / sizeof(kIsaRows[0]), static_cast<size_t>(attnorm_isa_count));
  for (size_t i = 0; i < attnorm_isa_count; i++) {
    EXPECT_EQ(static_cast<size_t>(kIsaRows[i].isa), i);
    EXPECT_STREQ(attnorm_isa_name(kIsaRows[i].isa), kIsaRows[i].name);
  }
  EXPECT_STREQ(attnorm_isa_name(attnorm_isa_count), "unknown");
}

TEST(HardwareConfig, force_flags_map_to_their_isa_and_back) {
  uint32_t all = 0;
  for (const IsaRow& row : kIsaRows) {
    EXPECT_NE(row.force_flag, 0u) << row.name;
    EXPECT_EQ(row.force_flag & (row.force_flag - 1), 0u) << row.name << ": not a single bit";
    EXPECT_EQ(all & row.force_flag, 0u) << row.name << ": flag shared with another ISA";
    all |= row.force_flag;
    EXPECT_EQ(attnorm_isa_force_flag(row.isa), row.force_flag);
    enum attnorm_isa isa = attnorm_isa_count;
    ASSERT_TRUE(attnorm_isa_from_force_flags(row.force_flag, &isa)) << row.name;
    EXPECT_EQ(isa, row.isa);
    // Bits outside the mask are ignored.
    isa = attnorm_isa_count;
    ASSERT_TRUE(attnorm_isa_from_force_flags(row.force_flag | ~ATTNORM_FLAG_FORCE_MASK, &isa));
    EXPECT_EQ(isa, row.isa);
  }
  EXPECT_EQ(all, static_cast<uint32_t>(ATTNORM_FLAG_FORCE_MASK));
  EXPECT_EQ(attnorm_isa_force_flag(attnorm_isa_count), 0u);
}

TEST(HardwareConfig, no_or_two_force_flags_select_nothing) {
  enum attnorm_isa isa = attnorm_isa_count;
  EXPECT_FALSE(attnorm_isa_from_force_flags(0, &isa));
  EXPECT_FALSE(attnorm_isa_from_force_flags(~static_cast<uint32_t>(ATTNORM_FLAG_FORCE_MASK), &isa));
  EXPECT_FALSE(attnorm_isa_from_force_flags(ATTNORM_FLAG_FORCE_SCALAR | ATTNORM_FLAG_FORCE_AVX2, &isa));
  EXPECT_FALSE(attnorm_isa_from_force_flags(ATTNORM_FLAG_FORCE_MASK, &isa));
  EXPECT_EQ(isa, attnorm_isa_count);  // left alone
}

TEST(HardwareConfig, best_first_lists_every_isa_once_scalar_last) {
  std::set<int> seen;
  for (size_t i = 0; i < attnorm_isa_count; i++) {
    EXPECT_TRUE(seen.insert(attnorm_isas_best_first[i]).second) << attnorm_isa_name(attnorm_isas_best_first[i]);
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(attnorm_isa_count));
  EXPECT_EQ(attnorm_isas_best_first[attnorm_isa_count - 1], attnorm_isa_scalar);
}

TEST(HardwareConfig, isas_of_other_architectures_are_never_supported) {
  EXPECT_TRUE(attnorm_isa_supported(attnorm_isa_scalar));
  for (const IsaRow& row : kIsaRows) {
    if (!row.arch) {
      EXPECT_FALSE(attnorm_isa_supported(row.isa)) << row.name;
    }
  }
  EXPECT_FALSE(attnorm_isa_supported(attnorm_isa_count));
}
