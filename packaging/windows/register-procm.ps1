# Open .procm files with procmodeler, for the current user (no administrator rights).
# Run from the unpacked procmodeler folder in PowerShell:
#   powershell -ExecutionPolicy Bypass -File .\register-procm.ps1
# `-Remove` undoes it. Untested by CI (which runs on Linux): see docs/install.md.
param([switch]$Remove)
$ErrorActionPreference = "Stop"
$exe = Join-Path $PSScriptRoot "procmodeler.exe"
$classes = "HKCU:\Software\Classes"
if ($Remove) {
    Remove-Item -Recurse -ErrorAction SilentlyContinue "$classes\.procm", "$classes\procmodeler.model"
} else {
    New-Item -Force "$classes\.procm" | Out-Null
    Set-ItemProperty "$classes\.procm" "(default)" "procmodeler.model"
    New-Item -Force "$classes\procmodeler.model\DefaultIcon" | Out-Null
    Set-ItemProperty "$classes\procmodeler.model" "(default)" "procmodeler process architecture"
    Set-ItemProperty "$classes\procmodeler.model\DefaultIcon" "(default)" "`"$exe`",0"
    New-Item -Force "$classes\procmodeler.model\shell\open\command" | Out-Null
    Set-ItemProperty "$classes\procmodeler.model\shell\open\command" "(default)" "`"$exe`" `"%1`""
}
Write-Output "procmodeler: .procm association $(if ($Remove) {'removed'} else {'set'}) for $exe"
