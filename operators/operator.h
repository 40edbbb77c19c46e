// The operator object behind attnorm_operator_t (internal).
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <attnorm.h>

#include "src/softmax-config.h"

enum attnorm_operator_type {
  attnorm_operator_type_invalid = 0,
  attnorm_operator_type_softmax_nc_f32,
  attnorm_operator_type_log_softmax_nc_f32,
};

enum attnorm_operator_state {
  attnorm_operator_state_needs_reshape = 0,
  attnorm_operator_state_needs_setup,
  attnorm_operator_state_ready,
};

// Per row and tile: what the reduction pass of a tile produced.
struct attnorm_row_partial {
  float max;        // three-pass: max of the tile (unscaled)
  double sum;       // three-pass: sum of exp(scale * x - scaled max) over the tile
  double ext_value; // Two-Pass: sum of exp(scale * x) = ext_value * 2^ext_exp
  float ext_exp;
};

// What the output pass of a row needs, merged from its tiles.
struct attnorm_row_plan {
  float max;              // three-pass: scale * max, rounded
  float multiplier;       // three-pass: 1 / sum; Two-Pass: 1 / ext_value; log: -log(sum)
  float multiplier_exp;   // Two-Pass: -ext_exp
  int fill;               // 0: run the output pass; else fill the row (see softmax-nc.c)
  float fill_value;
};

struct attnorm_operator {
  enum attnorm_operator_type type;
  enum attnorm_softmax_algorithm requested_algorithm;
  enum attnorm_softmax_algorithm algorithm;  // resolved at reshape (never auto)
  float scale;
  uint32_t flags;
  const struct attnorm_softmax_config* config;

  size_t channels;
  size_t input_stride;
  size_t output_stride;
  size_t batch_size;
  // Rows of more than tile_elements are split into tiles_per_row tiles that
  // threads process in parallel; the per-tile partials are merged in tile order.
  size_t tile_elements;
  size_t tiles_per_row;
  struct attnorm_row_partial* partials;  // batch_size * tiles_per_row (tiled rows only)
  struct attnorm_row_plan* plans;        // batch_size (tiled rows only)
  size_t partials_capacity;
  size_t plans_capacity;

  const float* input;
  float* output;
  enum attnorm_operator_state state;
};

// Logging: one line on stderr per rejected call.
void attnorm_log_error(const char* format, ...)
#if defined(__GNUC__)
    __attribute__((__format__(__printf__, 1, 2)))
#endif
    ;

bool attnorm_is_initialized(void);
