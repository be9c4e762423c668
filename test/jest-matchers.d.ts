// Types for the matchers Testing.setupJest() installs.
import 'cdktf/lib/testing/adapters/jest';
