/* A stand-in bcryptprimitives.dll for running Boardroom under Wine 8, which
 * lacks it. Rust's standard library takes its random bytes (HashMap seeds)
 * from ProcessPrng there; this forwards to RtlGenRandom (advapi32's
 * SystemFunction036), which Wine has. For the Wine smoke test only: it is
 * never shipped, and Windows 10 and 11 have the real one. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes at most a ULONG at a time. */
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
