import { Testing } from 'cdktf';

// cdktf's matchers (toHaveResourceWithProperties, toHaveProvider, ...) for every suite.
Testing.setupJest();
