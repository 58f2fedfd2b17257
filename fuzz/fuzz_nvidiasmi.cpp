// nvidia-smi CSV, with and without its header line: rows or a reason.

#include "fuzzsupport.h"
#include "gpu/nvidiasmi.h"

using namespace labdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray out = fuzz::bytes(data, size);
    QString error;
    if (!gpu::NvidiaSmi::parseGpus(out, gpu::NvidiaSmi::gpuFields(), &error))
        fuzz::require(!error.isEmpty(), "refused GPU rows have a reason");
    error.clear();
    if (!gpu::NvidiaSmi::parseProcesses(out, gpu::NvidiaSmi::processFields(), &error))
        fuzz::require(!error.isEmpty(), "refused process rows have a reason");
    return 0;
}
