import Foundation

/// Whether this process runs under AddressSanitizer (CI's second test run): its runtime
/// exports `__asan_init`.
public let isAddressSanitized: Bool = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil
