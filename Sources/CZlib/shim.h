/*
 * CZlib: the parts of the system zlib that RNN Lab's data loader needs.
 *
 * Swift imports zlib's plain functions (inflate, inflateEnd, inflateReset,
 * deflate, deflateEnd, crc32, crc32_combine) and its integer macros (Z_OK,
 * Z_STREAM_END, Z_FULL_FLUSH, ...) directly. inflateInit2 and deflateInit2 are
 * function-like macros (they pass zlib's version and the size of z_stream),
 * so they are wrapped here.
 */
#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H

#include <zlib.h>

/* Inflate one gzip member (windowBits 15 + 16: gzip header and trailer only;
 * zlib checks the trailer's CRC-32 and ISIZE). */
static inline int rnn_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}

/* Raw DEFLATE output, no header or trailer (the tests write their own). */
static inline int rnn_deflate_init_raw(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

/* A gzip member (header, DEFLATE data, CRC-32 and ISIZE trailer). */
static inline int rnn_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

#endif
