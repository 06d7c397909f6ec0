// Command vcsim is the vCenter simulator that @ecloud/driver-vmware's system tests and bench talk to:
// govmomi's simulator (Debian's golang-github-vmware-govmomi-dev 0.24.2) serving a VPX (vCenter 6.5)
// inventory over HTTPS on one address, with a certificate of its own written out for clients to trust,
// plus the one vSphere method the simulator lacks and the driver needs (zero_fill.go).
//
// scripts/services.sh builds it offline (GO111MODULE=off GOPATH=/usr/share/gocode) and starts the
// tests' simulator; the bench starts its own, larger one with the same binary ($ECLOUD_VCSIM_BIN).
// Run it with -h for the flags.
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io/ioutil"
	"math/big"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/vmware/govmomi/simulator"
)

func main() {
	log := func(format string, args ...interface{}) {
		fmt.Fprintf(os.Stderr, "vcsim: "+format+"\n", args...)
	}
	fail := func(format string, args ...interface{}) {
		log(format, args...)
		os.Exit(1)
	}

	listen := flag.String("listen", "127.0.0.1:8989", "`host:port` to serve HTTPS on (port 0: any free port)")
	urlFile := flag.String("url-file", "", "write the SDK URL (https://host:port/sdk) to this `file` once serving")
	certFile := flag.String("cert-file", "", "write the server's TLS certificate (PEM, self-signed) to this `file` once serving")
	username := flag.String("username", "", "the only user name Login accepts (empty: any non-empty user name and password)")
	password := flag.String("password", "", "the only password Login accepts (with -username)")
	passwordFile := flag.String("password-file", "", "read the password from this `file` instead (keeps it out of ps)")
	trace := flag.Bool("trace", false, "log every SOAP request and response to stderr")

	model := simulator.VPX()
	flag.IntVar(&model.Datacenter, "dc", 1, "datacenters")
	flag.IntVar(&model.Cluster, "cluster", 1, "clusters per datacenter")
	flag.IntVar(&model.ClusterHost, "host", 3, "hosts per cluster")
	flag.IntVar(&model.Host, "standalone-host", 0, "standalone hosts per datacenter")
	flag.IntVar(&model.Machine, "vm", 2, "VMs per cluster (spread at random over its hosts), per standalone host and per vApp")
	flag.IntVar(&model.Datastore, "ds", 1, "local datastores per datacenter, mounted on all its hosts (VMs need at least 1)")
	flag.IntVar(&model.Portgroup, "pg", 1, "distributed port groups per datacenter (VMs' NICs use the first)")
	flag.IntVar(&model.Pool, "pool", 0, "child resource pools per cluster (VMs go to the root pool only)")
	flag.IntVar(&model.Folder, "folder", 0, "datacenters placed in a folder of their own")
	flag.IntVar(&model.App, "app", 0, "vApps per cluster")
	flag.IntVar(&model.Pod, "pod", 0, "storage pods per datacenter")
	flag.BoolVar(&model.Autostart, "autostart", true, "power the created VMs on")
	flag.Parse()

	if flag.NArg() > 0 {
		fail("unexpected arguments: %s", strings.Join(flag.Args(), " "))
	}
	if *passwordFile != "" {
		b, err := ioutil.ReadFile(*passwordFile)
		if err != nil {
			fail("%v", err)
		}
		*password = strings.TrimRight(string(b), "\r\n")
	}
	if (*username == "") != (*password == "") {
		fail("-username and -password (or -password-file) go together")
	}
	if model.Machine > 0 && model.Datastore < 1 {
		fail("-vm needs -ds 1 or more (VMs live on LocalDS_0)")
	}
	host, _, err := net.SplitHostPort(*listen)
	if err != nil {
		fail("-listen %q: %v", *listen, err)
	}
	simulator.Trace = *trace

	cert, certPEM, err := selfSignedCertificate(host)
	if err != nil {
		fail("making the TLS certificate: %v", err)
	}

	// Caught from here on (a signal during the start is acted on once serving), so that every stop
	// removes what the start made.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)

	started := time.Now()
	if err := model.Create(); err != nil {
		fail("creating the inventory: %v", err)
	}
	addZeroFill()
	// From here on, the datastores' temporary directories exist: every exit goes through cleanup.
	cleanup := func() {
		model.Remove()
		for _, f := range []string{*urlFile, *certFile} {
			if f != "" {
				_ = os.Remove(f)
			}
		}
	}

	listenURL := &url.URL{Host: *listen}
	if *username != "" {
		// Service.Listen.User other than simulator.DefaultLogin: Login accepts this pair only.
		listenURL.User = url.UserPassword(*username, *password)
	}
	model.Service.Listen = listenURL
	model.Service.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}

	server, err := newServer(model.Service)
	if err != nil {
		cleanup()
		fail("%v", err)
	}
	sdkURL := *server.URL
	sdkURL.User = nil // the URL carries the accepted credentials: never print them
	count := model.Count()

	if err := writeFile(*certFile, certPEM); err != nil {
		server.Close()
		cleanup()
		fail("%v", err)
	}
	// The URL file last: once it exists, the certificate file is complete.
	if err := writeFile(*urlFile, []byte(sdkURL.String()+"\n")); err != nil {
		server.Close()
		cleanup()
		fail("%v", err)
	}
	auth := "any non-empty user name and password"
	if *username != "" {
		auth = fmt.Sprintf("user %q with its password only", *username)
	}
	log("%d datacenter(s), %d cluster(s), %d host(s), %d VM(s), %d datastore(s) in %s; Login accepts %s",
		count.Datacenter, count.Cluster, count.Host, count.Machine, count.Datastore,
		time.Since(started).Round(time.Millisecond), auth)
	fmt.Println(sdkURL.String())

	sig := <-signals
	log("%v: stopping", sig)
	// Close waits for requests in flight (a WaitForUpdatesEx may wait minutes): give it 5 s.
	closed := make(chan struct{})
	go func() {
		server.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		log("requests still in flight after 5 s; exiting anyway")
	}
	cleanup()
	log("stopped")
}

// newServer starts the HTTPS server, turning the panic NewServer raises when it cannot listen (the
// port is taken, say) into an error.
func newServer(service *simulator.Service) (server *simulator.Server, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot serve: %v", r)
		}
	}()
	return service.NewServer(), nil
}

// selfSignedCertificate makes a fresh ECDSA P-256 key and a self-signed certificate for host (an IP
// address or a name), 127.0.0.1, ::1 and localhost, valid for ten years. The simulator would
// otherwise serve Go's httptest certificate, whose private key is public and whose 1024-bit RSA key
// OpenSSL's default security level refuses.
func selfSignedCertificate(host string) (tls.Certificate, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	template := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{Organization: []string{"ecloud test"}, CommonName: "ecloud test vcsim"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true, // self-signed: it is its own trust anchor
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
		DNSNames:              []string{"localhost"},
	}
	if ip := net.ParseIP(host); ip != nil {
		if !ip.IsLoopback() {
			template.IPAddresses = append(template.IPAddresses, ip)
		}
	} else if host != "" && host != "localhost" {
		template.DNSNames = append(template.DNSNames, host)
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, certPEM, nil
}

// writeFile writes data to name (if name is not empty), readable by all (a URL and a certificate:
// nothing secret), through a temporary file and a rename, so a reader never sees half of it.
func writeFile(name string, data []byte) error {
	if name == "" {
		return nil
	}
	tmp, err := ioutil.TempFile(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err == nil {
		_, err = tmp.Write(data)
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return errors.New("writing " + name + ": " + err.Error())
	}
	return nil
}
