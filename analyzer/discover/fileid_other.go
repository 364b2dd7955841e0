//go:build !unix

package discover

import (
	"io/fs"
	"strings"
)

// dirID identifies a directory whatever path reached it; without device
// and inode numbers it is the directory's real path.
type dirID struct {
	dev, ino uint64
	real     string
}

func idOf(abs string, _ fs.FileInfo) (dirID, error) {
	return realID(abs)
}

func isLoopError(err error) bool {
	return err != nil && strings.Contains(err.Error(), "too many levels of symbolic links")
}
