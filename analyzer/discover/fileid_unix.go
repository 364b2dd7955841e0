//go:build unix

package discover

import (
	"errors"
	"io/fs"
	"syscall"
)

// dirID identifies a directory whatever path reached it: device and inode.
type dirID struct {
	dev, ino uint64
	real     string // used where device and inode are not available
}

// idOf returns the identity of the directory at abs described by info
// (from a stat that followed links).
func idOf(abs string, info fs.FileInfo) (dirID, error) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return dirID{dev: uint64(st.Dev), ino: uint64(st.Ino)}, nil
	}
	return realID(abs)
}

// isLoopError reports a chain of symlinks that never reaches a file.
func isLoopError(err error) bool {
	return errors.Is(err, syscall.ELOOP)
}
