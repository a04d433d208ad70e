# Get-PeFiles: every Portable Executable below the given files or folders, found by content
# (the "MZ" header), not by extension, so .exe, .dll, .pyd and any renamed binary all count.
function Get-PeFiles([string[]] $Path) {
  foreach ($item in $Path) {
    $candidates = if (Test-Path -LiteralPath $item -PathType Container) {
      Get-ChildItem -LiteralPath $item -Recurse -File
    } else {
      Get-Item -LiteralPath $item
    }
    foreach ($file in $candidates) {
      if ($file.Length -lt 64) { continue }
      $stream = [IO.File]::OpenRead($file.FullName)
      try {
        $head = New-Object byte[] 2
        [void] $stream.Read($head, 0, 2)
      } finally {
        $stream.Dispose()
      }
      if ($head[0] -eq 0x4D -and $head[1] -eq 0x5A) { $file.FullName }
    }
  }
}
