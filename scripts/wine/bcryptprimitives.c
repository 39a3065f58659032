/* Stand-in for Windows 10's bcryptprimitives.dll, which Wine 8.0 lacks: Rust-built wheels
 * (rpds, which jsonschema uses) import ProcessPrng from it. Windows' own ProcessPrng fills
 * the buffer from the system's random number generator, as BCryptGenRandom does.
 * Built by scripts/wine/setup.sh: x86_64-w64-mingw32-gcc -shared ... -lbcrypt */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk,
                                            BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
