package main

// govmomi 0.24.2's simulator lacks VirtualDiskManager.ZeroFillVirtualDisk_Task, the vSphere method
// @ecloud/driver-vmware wipes disks with (R-SEC-6). This adds it with the semantics the vSphere API
// reference gives it — every block of the disk overwritten with zeros — on the simulator's datastore
// files, which are real files: a test can put data in a disk, wipe it, and read zeros back. The request
// is decoded by govmomi's own vim25 types, so the call our driver sends is checked as vCenter would.

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// The simulator's property collector reads a registered object through its first field, down to the
// embedded mo type: the manager is embedded by value, not by pointer.
type zeroFillingDiskManager struct {
	simulator.VirtualDiskManager
}

var datastorePath = regexp.MustCompile(`^\[([^\]]+)\]\s*(.+)$`)

// addZeroFill replaces the registry's VirtualDiskManager with one that also zero-fills.
func addZeroFill() {
	ref := types.ManagedObjectReference{Type: "VirtualDiskManager", Value: "virtualDiskManager"}
	if vdm, ok := simulator.Map.Get(ref).(*simulator.VirtualDiskManager); ok {
		simulator.Map.Put(&zeroFillingDiskManager{*vdm})
	}
}

func (m *zeroFillingDiskManager) ZeroFillVirtualDiskTask(req *types.ZeroFillVirtualDisk_Task) soap.HasFault {
	task := simulator.CreateTask(m, "zeroFillVirtualDisk", func(*simulator.Task) (types.AnyType, types.BaseMethodFault) {
		file, fault := diskFile(req.Name)
		if fault != nil {
			return nil, fault
		}
		return nil, zeroFill(file)
	})
	return &methods.ZeroFillVirtualDisk_TaskBody{
		Res: &types.ZeroFillVirtualDisk_TaskResponse{Returnval: task.Run()},
	}
}

// diskFile is the flat (data) file of a disk's datastore path, on the datastore's directory.
func diskFile(name string) (string, types.BaseMethodFault) {
	match := datastorePath.FindStringSubmatch(name)
	if match == nil {
		return "", &types.InvalidDatastorePath{DatastorePath: name}
	}
	for _, entity := range simulator.Map.All("Datastore") {
		ds, ok := entity.(*simulator.Datastore)
		if !ok || ds.Name != match[1] {
			continue
		}
		flat := strings.TrimSuffix(match[2], ".vmdk") + "-flat.vmdk"
		file := filepath.Join(ds.Info.GetDatastoreInfo().Url, filepath.Clean("/"+flat))
		if _, err := os.Stat(file); err != nil {
			return "", &types.FileNotFound{FileFault: types.FileFault{File: name}}
		}
		return file, nil
	}
	return "", &types.InvalidDatastore{Name: match[1]}
}

// zeroFill overwrites every byte of file with zeros, in place, and syncs it.
func zeroFill(file string) types.BaseMethodFault {
	f, err := os.OpenFile(file, os.O_WRONLY, 0)
	if err != nil {
		return &types.CannotAccessFile{FileFault: types.FileFault{File: file}}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return &types.CannotAccessFile{FileFault: types.FileFault{File: file}}
	}
	zeros := make([]byte, 1<<20)
	for written := int64(0); written < info.Size(); {
		n := int64(len(zeros))
		if left := info.Size() - written; left < n {
			n = left
		}
		if _, err := f.WriteAt(zeros[:n], written); err != nil {
			return &types.CannotAccessFile{FileFault: types.FileFault{File: file}}
		}
		written += n
	}
	if err := f.Sync(); err != nil {
		return &types.CannotAccessFile{FileFault: types.FileFault{File: file}}
	}
	return nil
}
