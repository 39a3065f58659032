/* Stand-in for Windows 10's icuuc.dll, which Wine 8.0 lacks and Qt6Core.dll (Qt 6.7 and
 * later) imports for its legacy text codecs. No converter can be opened: Qt then treats
 * every legacy codec as unavailable. The kiosk reads and writes UTF-8 only, which Qt
 * handles itself, so nothing the kiosk does goes through here.
 * Built by scripts/wine/setup.sh: x86_64-w64-mingw32-gcc -shared -o icuuc.dll icuuc.c */
#include <stddef.h>

#define EXPORT __declspec(dllexport)
typedef int UErrorCode;
enum { U_FILE_ACCESS_ERROR = 4 };

EXPORT void *ucnv_open(const char *name, UErrorCode *err) {
    (void)name;
    if (err != NULL && *err <= 0) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT int ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int n) { (void)n; return NULL; }

/* The rest act on an open converter, and there never is one. */
#define NEVER(name) EXPORT void *name(void) { return NULL; }
NEVER(ucnv_close)
NEVER(ucnv_reset)
NEVER(ucnv_getMaxCharSize)
NEVER(ucnv_getName)
NEVER(ucnv_getToUCallBack)
NEVER(ucnv_getFromUCallBack)
NEVER(ucnv_setToUCallBack)
NEVER(ucnv_setFromUCallBack)
NEVER(ucnv_cbToUWriteUChars)
NEVER(ucnv_cbFromUWriteUChars)
NEVER(ucnv_toUnicode)
NEVER(ucnv_fromUnicode)
NEVER(ucnv_toUCountPending)
NEVER(ucnv_fromUCountPending)
NEVER(ucnv_getStandardName)
NEVER(UCNV_FROM_U_CALLBACK_SUBSTITUTE)
NEVER(UCNV_TO_U_CALLBACK_SUBSTITUTE)
