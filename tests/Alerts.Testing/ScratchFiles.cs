namespace Alerts.Testing;

/// <summary>A temporary folder a test class writes its input files into (topic files, articles, labels), deleted with it.</summary>
public sealed class ScratchFiles(string prefix) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory(prefix);

    /// <summary>The folder's path.</summary>
    public string FullName => folder.FullName;

    /// <summary>Writes a file of the folder and returns it.</summary>
    public FileInfo Write(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        return new FileInfo(path);
    }

    /// <inheritdoc />
    public void Dispose() => folder.Delete(recursive: true);
}
