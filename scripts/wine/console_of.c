/* console_of NAME: whether the running process NAME (boardroom.exe) has a
   console, as the Wine checks of the console window ask (scripts/wine/checks/
   40-console.sh): prints "console N" (N: the processes attached to it, this
   one included), "no console (ERROR)", or "not running". For Wine only; never
   shipped. */
#include <windows.h>
#include <tlhelp32.h>
#include <stdio.h>
int wmain(int argc, wchar_t **argv)
{
    if (argc != 2) return 2;
    DWORD pid = 0;
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    PROCESSENTRY32W e = { .dwSize = sizeof e };
    for (BOOL more = Process32FirstW(snap, &e); more; more = Process32NextW(snap, &e))
        if (_wcsicmp(e.szExeFile, argv[1]) == 0) pid = e.th32ProcessID;
    CloseHandle(snap);
    if (!pid) { printf("not running\n"); return 1; }
    /* Report through a file handle kept from before: stdout may be our console. */
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    char line[64];
    FreeConsole();
    if (AttachConsole(pid)) {
        DWORD ids[16];
        DWORD n = GetConsoleProcessList(ids, 16);
        FreeConsole();
        snprintf(line, sizeof line, "console %lu\n", n);
    } else {
        snprintf(line, sizeof line, "no console (%lu)\n", GetLastError());
    }
    DWORD w;
    WriteFile(out, line, (DWORD)strlen(line), &w, NULL);
    return 0;
}
