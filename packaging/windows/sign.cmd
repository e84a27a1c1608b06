@echo off
rem Signs one file (%1) with the code-signing certificate the Windows workflow decoded from its
rem secrets: HONOURS_SIGN_PFX (path of the .pfx) and HONOURS_SIGN_PASSWORD. makensis calls it as
rem SIGN_COMMAND for the uninstaller and the installer; the workflow for the two programs.
if "%HONOURS_SIGN_PFX%"=="" (
  echo sign.cmd: HONOURS_SIGN_PFX is not set 1>&2
  exit /b 1
)
signtool sign /f "%HONOURS_SIGN_PFX%" /p "%HONOURS_SIGN_PASSWORD%" /fd sha256 ^
  /tr http://timestamp.digicert.com /td sha256 /d "Honours" "%~1"
if errorlevel 1 exit /b 1
signtool verify /pa "%~1"
