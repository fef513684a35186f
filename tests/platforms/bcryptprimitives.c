/* A stand-in for Windows' bcryptprimitives.dll, for the platforms suite only: wine 8
   (Debian 12) lacks it, and Rust's standard library asks it for ProcessPrng since
   Rust 1.78. Real Windows has the DLL; this one answers from RtlGenRandom. */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk; len -= chunk;
    }
    return TRUE;
}
