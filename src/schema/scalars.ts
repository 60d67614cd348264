import { JSONResolver } from 'graphql-scalars';
import { builder } from './builder.js';
import { DateTimeScalar } from './date-time-scalar.js';

builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('DateTime', DateTimeScalar);
