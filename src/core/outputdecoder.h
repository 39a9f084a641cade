#pragma once

// Placeholder: the incremental per-stream decoder (UTF-8, line splitting, escape sequences)
// replaces this. OutputLog does its own simple decoding until then.
class OutputDecoder final
{
public:
    OutputDecoder() = default;
};
