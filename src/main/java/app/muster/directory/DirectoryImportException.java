package app.muster.directory;

import app.muster.base.Refusal;

/**
 * A directory or group file that cannot be imported at all, with a message that names the file and says what is
 * wrong with it in an MSP admin's words.
 */
public class DirectoryImportException extends Refusal {

    private final String fileName;

    DirectoryImportException(String fileName, String problem) {
        super("file", fileName + " " + problem);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
