; Honours (劳模荣誉库) per-user installer for office PCs: no administrator rights needed.
;
;   makensis /DVERSION=0.1.0 /DDIST=..\..\dist\Honours /DOUTFILE=..\..\dist\Honours-0.1.0-setup.exe honours.nsi
;
; DIST is the one-folder app `make package` / PyInstaller builds (Honours.exe, honours-cli.exe,
; _internal\). It installs into %LOCALAPPDATA%\Programs\Honours (where per-user programs go),
; adds Start-menu and desktop shortcuts, and registers an uninstaller under HKCU.
; Uninstalling removes the program files only: the registry, photos and backups in
; %LOCALAPPDATA%\Honours (platformdirs' user-data folder) and the settings under
; HKCU\Software\Honours stay, so a reinstall or an upgrade finds them again.
;
; Signing: with /DSIGN_COMMAND="..." makensis runs that command on the uninstaller it embeds
; and on the finished installer ("%1" is the file), so both carry the signature. CI passes
; packaging\windows\sign.cmd (signtool); packaging/windows/check_installer.sh, osslsigncode.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass /DVERSION=x.y.z"
!endif
!ifndef DIST
  !error "pass /DDIST=path\to\dist\Honours"
!endif
!ifndef OUTFILE
  !define OUTFILE "Honours-${VERSION}-setup.exe"
!endif

!define APP "Honours"
!define APP_NAME "Honours 劳模荣誉库"
!define PUBLISHER "Honours"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Honours"

!ifdef SIGN_COMMAND
  !uninstfinalize '${SIGN_COMMAND} "%1"'
  !finalize '${SIGN_COMMAND} "%1"'
!endif

Name "${APP_NAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"

!include "MUI2.nsh"

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\Honours.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString DataKept ${LANG_SIMPCHINESE} "已保留您的数据（$LOCALAPPDATA\Honours）。"
LangString DataKept ${LANG_ENGLISH} "Your data in $LOCALAPPDATA\Honours was kept."

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "Honours" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; an upgrade replaces the whole _internal\ folder, so no module of an older version is left over
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\Honours.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\Honours.exe"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\Honours.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; only what the installer put here: never RMDir /r "$INSTDIR", which might be a folder the
  ; user chose with other files in it; and never the user data in $LOCALAPPDATA\Honours
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\Honours.exe"
  Delete "$INSTDIR\honours-cli.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "$(DataKept)"
SectionEnd
